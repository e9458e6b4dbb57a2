using System.Diagnostics;
using Hierarchy.Fault.Tests.Support;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;
using Xunit.Abstractions;

namespace Hierarchy.Fault.Tests;

/// <summary>The PostgreSQL server stops and starts again during ingest; the silo fails reports cleanly, then recovers by itself.</summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const int Clients = 16;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    [PostgresFact]
    public async Task Server_restart_during_ingest_fails_reports_cleanly_and_loses_nothing_acknowledged()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        string[] storage = ["--Storage:Provider=postgres", $"--Storage:Postgres:ConnectionString={postgres.ConnectionString}"];
        using var site = await FaultSite.CreateAsync(storage);

        IngestLoad load;
        await using (var silo = await site.StartSiloAsync())
        {
            using var client = silo.Client(connections: Clients);
            load = new IngestLoad(client, site.Branches);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(Clients, stop.Token);
            await Eventually.WaitAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= 1000, TimeSpan.FromSeconds(30));
            var beforeOutage = load.Acknowledged.Count;

            await postgres.StopAsync();
            await Task.Delay(Outage);
            var duringOutage = load.Acknowledged.Count;
            await postgres.ResumeAsync();
            var resumed = Stopwatch.StartNew();

            // No restart of the silo: acknowledgements resume once the server is back.
            var recovered = await Eventually.WaitAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= duringOutage + 1000, TimeSpan.FromSeconds(60));
            resumed.Stop();
            await stop.CancelAsync();
            await running;
            output.WriteLine(
                $"{Clients} clients: {beforeOutage:N0} acknowledged before the outage, {duringOutage:N0} by its end, {recovered:N0} {resumed.Elapsed.TotalSeconds:N1} s after the restart; " +
                $"{load.Sent.Count:N0} sent, {load.Acknowledged.Count:N0} acknowledged; failed: {string.Join(", ", load.Failures)}; slowest answer {load.Slowest.TotalSeconds:N1} s");

            Assert.True(beforeOutage >= 1000, "the ingest never got going: " + string.Join(", ", load.Failures) + "\n" + silo.Log);
            Assert.True(recovered >= duringOutage + 1000, $"the silo did not recover by itself: {string.Join(", ", load.Failures)}\n{silo.Log}");
            Assert.False(silo.HasExited, silo.Log);

            // Every report got an answer, and a refusal was a server error the client may retry, never a hang or a 4xx.
            Assert.True(load.Failures.Count > 0, "the outage should have failed some reports");
            Assert.All(load.Failures.Keys, status => Assert.True(status is "503", $"unexpected outcome {status}"));
            Assert.True(load.Slowest < TimeSpan.FromSeconds(45), $"a report waited {load.Slowest}");

            var keys = await Ledger.KeysAsync(client, site.BoardToken, site.Branches.Select(b => b.Branch));
            LedgerAssert.ExactlyOnce(load, keys);
            var admitted = await Eventually.WaitAsync(() => Ledger.AdmittedAsync(client, site.BoardToken, FaultSite.Province), n => n == keys.Count, TimeSpan.FromSeconds(30));
            Assert.Equal(keys.Count, admitted);
            await silo.StopAsync();
        }

        var verify = await site.CliAsync("verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }
}
