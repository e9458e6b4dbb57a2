using System.Diagnostics;
using System.Text.Json.Nodes;
using Hierarchy.Fault.Tests.Support;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace Hierarchy.Fault.Tests;

/// <summary>
/// The PostgreSQL server that holds both the cluster's membership and the data stops for a few seconds: the silos
/// answer 503 with Retry-After meanwhile, nobody is declared dead, and the cluster recovers by itself.
/// </summary>
public sealed class MembershipOutageTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [PostgresFact]
    public async Task A_cluster_whose_database_is_away_for_seconds_answers_503_then_recovers_losing_nothing()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var cluster = await ClusterSite.StartAsync(silos: 2, postgres.ConnectionString);
        var site = cluster.Site;
        using var client = cluster.Proxy.Client(connections: Clients);
        var load = new IngestLoad(client, site.Branches);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(Clients, stop.Token, pause: TimeSpan.FromMilliseconds(20));
        await Eventually.WaitAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= 300, TimeSpan.FromSeconds(60));

        await postgres.StopAsync();
        await Task.Delay(Outage);
        var duringOutage = load.Acknowledged.Count;
        await postgres.ResumeAsync();
        var resumed = Stopwatch.StartNew();
        var recovered = await Eventually.WaitAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= duringOutage + 300, TimeSpan.FromSeconds(60));
        var recoveredIn = resumed.Elapsed;
        await stop.CancelAsync();
        await running;
        output.WriteLine($"{duringOutage:N0} acknowledged by the end of the outage, {recovered:N0} {recoveredIn.TotalSeconds:N1} s after the server was back; failed: {string.Join(", ", load.Failures)}");

        Assert.True(load.Failures.Count > 0, "the outage should have failed some reports");
        Assert.All(load.Failures.Keys, status => Assert.True(status is "503", $"unexpected outcome {status}\n{cluster.Logs}"));
        Assert.Equal(0, load.UnavailableWithoutRetryAfter);
        Assert.All(cluster.Silos, silo => Assert.False(silo.HasExited, cluster.Logs));

        // Both silos are still members, and both still serve.
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable WHERE Status = 3", connection);
            Assert.Equal(2L, await command.ExecuteScalarAsync());
        }

        foreach (var silo in cluster.Silos)
        {
            using var direct = silo.Client(site.BoardToken);
            var unit = JsonNode.Parse(await direct.GetStringAsync($"api/units/{FaultSite.Province}"))!;
            Assert.True(unit["admitted"]!.GetValue<int>() > 0);
        }

        var resent = await load.ResendUnacknowledgedAsync();
        Assert.All(resent.Keys, outcome => Assert.True(outcome is "201" or "200", $"a resent report was answered {outcome}"));
        var keys = await Ledger.KeysAsync(client, site.BoardToken, site.Branches.Select(b => b.Branch));
        LedgerAssert.ExactlyOnce(load, keys);
        var admitted = await Eventually.WaitAsync(() => Ledger.AdmittedAsync(client, site.BoardToken, FaultSite.Province), n => n == keys.Count, TimeSpan.FromSeconds(60));
        Assert.Equal(keys.Count, admitted);
    }
}
