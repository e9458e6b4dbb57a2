using System.Diagnostics;
using Hierarchy.Fault.Tests.Support;
using Hierarchy.Silo.Tests.Support;
using Xunit.Abstractions;

namespace Hierarchy.Fault.Tests;

/// <summary>Stream clients that stop reading delay neither the ingest nor the clients that keep reading.</summary>
public sealed class StuckStreamClientTests(ITestOutputHelper output)
{
    private const int Reporters = 8;
    private const int ReportsEach = 60;
    private const int StuckClients = 16;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(40);

    [Fact]
    public async Task Stuck_stream_clients_do_not_slow_ingest_or_starve_a_live_reader()
    {
        await using var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()));
        var hierarchy = await TestHierarchy.CreateAsync(silo);
        (string, string)[] branches =
        [
            (TestHierarchy.Branch1, hierarchy.Branch1Token),
            (TestHierarchy.Branch2, hierarchy.Branch2Token),
            (TestHierarchy.DirectBranch, hierarchy.DirectBranchToken),
        ];
        var stream = $"api/units/{TestHierarchy.Province}/stream";
        using var client = silo.Client();

        // The same steady ingest, first with nobody watching, then with stuck clients beside one live reader.
        var baseline = await IngestAsync(client, branches);

        var stuck = new List<StuckStreamClient>();
        try
        {
            for (var i = 0; i < StuckClients; i++)
            {
                stuck.Add(await StuckStreamClient.OpenAsync(silo.BaseAddress, "/" + stream, hierarchy.CommitteeToken));
            }

            await using var reader = await LiveReader.OpenAsync(silo.BaseAddress, stream, hierarchy.CommitteeToken);
            var withStuck = await IngestAsync(client, branches);
            var expected = 2 * Reporters * ReportsEach;

            // The live reader sees the final count soon after the last report, stuck neighbours or not.
            var seen = await Eventually.WaitAsync(() => Task.FromResult(reader.Admitted), n => n == expected, TimeSpan.FromSeconds(10));
            output.WriteLine($"{Reporters} reporters x {ReportsEach}: {baseline.TotalSeconds:N2} s alone, {withStuck.TotalSeconds:N2} s beside {StuckClients} stuck stream clients; the live reader got {reader.Events} events, last admitted {seen}");
            Assert.Equal(expected, seen);
            Assert.True(withStuck < baseline * 3 + TimeSpan.FromSeconds(5), $"ingest took {withStuck} beside stuck clients against {baseline} alone");
            Assert.True(reader.Events >= 3, $"the live reader got only {reader.Events} events");
        }
        finally
        {
            stuck.ForEach(s => s.Dispose());
        }

        // The silo still answers after the stuck clients went away without a word.
        using var committee = silo.Client(hierarchy.CommitteeToken);
        Assert.Equal(2 * Reporters * ReportsEach, (await (await committee.GetAsync($"api/units/{TestHierarchy.Province}")).JsonAsync()).Int("admitted"));
    }

    private static async Task<TimeSpan> IngestAsync(HttpClient client, IReadOnlyList<(string, string)> branches)
    {
        var load = new IngestLoad(client, branches);
        var clock = Stopwatch.StartNew();
        await load.RunAsync(Reporters, CancellationToken.None, ReportsEach, Pace);
        clock.Stop();
        Assert.True(load.Acknowledged.Count == Reporters * ReportsEach, "not acknowledged: " + string.Join(", ", load.Failures));
        return clock.Elapsed;
    }
}
