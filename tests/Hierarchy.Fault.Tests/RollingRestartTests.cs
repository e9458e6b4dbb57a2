using System.Diagnostics;
using Hierarchy.Fault.Tests.Support;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;
using Xunit.Abstractions;

namespace Hierarchy.Fault.Tests;

/// <summary>An operator restarts the silos of a cluster one by one (SIGTERM, wait, start) while reports flow through nginx.</summary>
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private const int Clients = 8;

    [PostgresFact]
    public async Task A_rolling_restart_of_three_silos_fails_no_report()
    {
        await using var cluster = await ClusterSite.StartAsync(silos: 3);
        var site = cluster.Site;
        using var client = cluster.Proxy.Client(connections: Clients);
        var load = new IngestLoad(client, site.Branches);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(Clients, stop.Token, pause: TimeSpan.FromMilliseconds(20));
        await Eventually.WaitAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= 200, TimeSpan.FromSeconds(60));

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < cluster.Silos.Count; i++)
        {
            await cluster.Silos[i].StopAsync();
            var stopped = clock.Elapsed;
            await cluster.RestartAsync(i);
            output.WriteLine($"silo {i}: stopped at {stopped.TotalSeconds:N1} s, serving again at {clock.Elapsed.TotalSeconds:N1} s; {load.Acknowledged.Count:N0} acknowledged so far");

            // Let the cluster see the new silo before the next one goes.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var acknowledgedBeforeStop = load.Acknowledged.Count;
        await stop.CancelAsync();
        await running;
        output.WriteLine($"{load.Sent.Count:N0} sent, {load.Acknowledged.Count:N0} acknowledged; failed: {string.Join(", ", load.Failures)}; slowest answer {load.Slowest.TotalSeconds:N1} s");

        Assert.True(load.Failures.Count == 0, $"reports failed during the rolling restart: {string.Join(", ", load.Failures)}\n{cluster.Logs}");
        Assert.Equal(load.Sent.Count, load.Acknowledged.Count);
        Assert.True(acknowledgedBeforeStop > 200, "reports did not flow during the restart");

        var keys = await Ledger.KeysAsync(client, site.BoardToken, site.Branches.Select(b => b.Branch));
        LedgerAssert.ExactlyOnce(load, keys);
        var admitted = await Eventually.WaitAsync(() => Ledger.AdmittedAsync(client, site.BoardToken, FaultSite.Province), n => n == keys.Count, TimeSpan.FromSeconds(60));
        Assert.Equal(keys.Count, admitted);
    }
}
