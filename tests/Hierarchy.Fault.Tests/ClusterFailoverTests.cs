using System.Diagnostics;
using Hierarchy.Fault.Tests.Support;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;
using Xunit.Abstractions;

namespace Hierarchy.Fault.Tests;

/// <summary>Three silos on PostgreSQL behind nginx: one is killed with SIGKILL mid-ingest, and the cluster carries on.</summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    private const int Clients = 24;

    [PostgresFact]
    public async Task Sigkill_of_one_of_three_silos_loses_no_acknowledged_report_and_the_others_take_over()
    {
        await using var cluster = await ClusterSite.StartAsync(silos: 3);
        var site = cluster.Site;
        using var client = cluster.Proxy.Client(connections: Clients);
        var load = new IngestLoad(client, site.Branches);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(Clients, stop.Token);

        await Eventually.WaitAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= 1500, TimeSpan.FromSeconds(60));
        var before = load.Acknowledged.Count;
        var killed = Stopwatch.StartNew();
        await cluster.Silos[1].KillAsync();

        // The ingest goes on through the proxy; it reaches the dead silo's units once the others have declared it dead.
        var recovered = await Eventually.WaitAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= before + 1500, TimeSpan.FromSeconds(90));
        var afterKill = killed.Elapsed;
        await stop.CancelAsync();
        await running;
        output.WriteLine($"{before:N0} acknowledged before the kill; {recovered - before:N0} more within {afterKill.TotalSeconds:N1} s after it; failed: {string.Join(", ", load.Failures)}");
        Assert.True(recovered >= before + 1500, "the cluster did not carry on after the kill: " + string.Join(", ", load.Failures) + "\n" + cluster.Logs);

        // A secretary whose report failed sends it again, with the same key: it is accepted (or found already recorded).
        var resent = await load.ResendUnacknowledgedAsync();
        output.WriteLine($"resent: {string.Join(", ", resent)}");
        Assert.All(resent.Keys, outcome => Assert.True(outcome is "201" or "200", $"a resent report was answered {outcome}"));
        Assert.Equal(load.Sent.Count, load.Acknowledged.Count);

        // Every branch answers, wherever its grain lived; every acknowledged report is in the ledger exactly once.
        var keys = await Ledger.KeysAsync(client, site.BoardToken, site.Branches.Select(b => b.Branch));
        LedgerAssert.ExactlyOnce(load, keys);
        Assert.Equal(load.Sent.Count, keys.Count);
        var admitted = await Eventually.WaitAsync(() => Ledger.AdmittedAsync(client, site.BoardToken, FaultSite.Province), n => n == keys.Count, TimeSpan.FromSeconds(60));
        Assert.Equal(keys.Count, admitted);

        // verify joins the running cluster as a client and finds every total equal to the ledger.
        var verify = await site.CliAsync("verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("Consistent", verify.Output, StringComparison.Ordinal);
        Assert.False(cluster.Silos[0].HasExited || cluster.Silos[2].HasExited, cluster.Logs);
    }

    [PostgresFact]
    public async Task A_stream_through_the_proxy_keeps_receiving_updates_after_its_silo_dies()
    {
        await using var cluster = await ClusterSite.StartAsync(silos: 3);
        var site = cluster.Site;
        using var client = cluster.Proxy.Client();
        var (branch, branchToken) = site.Branches[0];
        var load = new IngestLoad(client, [(branch, branchToken)]);

        using var stream = new ReconnectingStream(client, $"api/units/{FaultSite.Province}/stream", site.BoardToken);
        var first = await stream.NextAsync(TimeSpan.FromSeconds(30));
        var servedBy = stream.ServedBy.Select(cluster.IndexOf).Single();
        Assert.True(servedBy >= 0, "the proxy did not say which silo served the stream");

        await cluster.Silos[servedBy].KillAsync();
        var killed = Stopwatch.StartNew();

        // Reports keep coming through the proxy; the stream, reconnected elsewhere with Last-Event-ID, shows them.
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(1, stop.Token, pause: TimeSpan.FromMilliseconds(200));
        var admittedBefore = first["admitted"]!.GetValue<int>();
        int latest;
        do
        {
            latest = (await stream.NextAsync(TimeSpan.FromSeconds(60)))["admitted"]!.GetValue<int>();
        }
        while (latest <= admittedBefore);
        var updated = killed.Elapsed;
        await stop.CancelAsync();
        await running;

        output.WriteLine($"stream served by silo {servedBy}; after its SIGKILL an update arrived in {updated.TotalSeconds:N1} s through {stream.ServedBy.Count} connections; reconnect requests carried Last-Event-ID {string.Join(", ", stream.SentLastEventIds)}");
        Assert.True(stream.ServedBy.Count >= 2, "the stream never reconnected");
        Assert.NotEqual(servedBy, cluster.IndexOf(stream.ServedBy[^1]));
        Assert.NotEmpty(stream.SentLastEventIds);
    }
}
