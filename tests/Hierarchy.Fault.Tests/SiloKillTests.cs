using System.Diagnostics;
using Hierarchy.Fault.Tests.Support;
using Hierarchy.Silo.Tests.Support;
using Xunit.Abstractions;

namespace Hierarchy.Fault.Tests;

/// <summary>A silo killed with SIGKILL in the middle of a high-rate ingest loses nothing it acknowledged and invents nothing.</summary>
public sealed class SiloKillTests(ITestOutputHelper output)
{
    private const int Clients = 48;

    [Fact]
    public async Task Sigkill_mid_ingest_then_restart_keeps_every_acknowledged_report_exactly_once()
    {
        using var site = await FaultSite.CreateAsync();
        var load = await IngestThenKillAsync(site);

        // Same database, at once: the dead process's lease does not have to be waited out.
        var restarted = Stopwatch.StartNew();
        await using (var silo = await site.StartSiloAsync())
        {
            restarted.Stop();
            using var client = silo.Client();
            var keys = await Ledger.KeysAsync(client, site.BoardToken, site.Branches.Select(b => b.Branch));
            LedgerAssert.ExactlyOnce(load, keys);

            // Pending aggregates flow up again after the restart; the province then counts the ledger exactly.
            var admitted = await Eventually.WaitAsync(() => Ledger.AdmittedAsync(client, site.BoardToken, FaultSite.Province), n => n == keys.Count, TimeSpan.FromSeconds(30));
            Assert.Equal(keys.Count, admitted);
            output.WriteLine($"after restart ({restarted.Elapsed.TotalSeconds:N1} s): ledger {keys.Count:N0}, province {admitted:N0}");

            // The restarted silo takes new reports for the same branches.
            var after = new IngestLoad(client, site.Branches);
            await after.RunAsync(4, CancellationToken.None, perClient: 5);
            Assert.Equal(20, after.Acknowledged.Count);
            await silo.StopAsync();
        }

        var verify = await site.CliAsync("verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("Consistent", verify.Output, StringComparison.Ordinal);
        Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(60), $"restart took {restarted.Elapsed}");
    }

    private async Task<IngestLoad> IngestThenKillAsync(FaultSite site)
    {
        await using var silo = await site.StartSiloAsync();
        using var client = silo.Client(connections: Clients);
        var load = new IngestLoad(client, site.Branches);
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var running = load.RunAsync(Clients, stop.Token);

        // Kill once the ingest is well under way, so that batches are in flight at every level.
        await Eventually.WaitAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= 3000, TimeSpan.FromSeconds(20));
        var before = load.Acknowledged.Count;
        await silo.KillAsync();
        await Task.Delay(300);
        await stop.CancelAsync();
        await running;

        output.WriteLine($"{Clients} clients: {before:N0} acknowledged in {clock.Elapsed.TotalSeconds:N1} s before SIGKILL ({before / clock.Elapsed.TotalSeconds:N0}/s); {load.Sent.Count:N0} sent, {load.Acknowledged.Count:N0} acknowledged; unanswered: {string.Join(", ", load.Failures)}");
        Assert.True(before > 0, "the ingest never got going: " + string.Join(", ", load.Failures) + "\n" + silo.Log);
        Assert.True(load.Sent.Count > load.Acknowledged.Count, "the kill should have cut some reports off mid-flight");
        return load;
    }
}
