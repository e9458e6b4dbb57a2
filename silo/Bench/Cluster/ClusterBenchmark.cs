using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hierarchy.Grains;
using Hierarchy.Grains.Demo;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;

namespace Hierarchy.Silo.Bench.Cluster;

/// <summary>
/// A cluster of real silo processes on PostgreSQL behind nginx, as the README sets one up: ingest with one silo and
/// with several, the messages between silos per report, a ceremony-day fan-out of live streams, and failover after
/// SIGKILL with Orleans' default failure detection and with the settings the README recommends.
/// </summary>
public sealed class ClusterBenchmark(BenchOptions options)
{
    /// <summary>Failure detection the README recommends for silos on one network (Orleans' defaults: 5 s and 3).</summary>
    public static readonly string[] RecommendedMembership =
    [
        "--Orleans:Membership:ProbeTimeout=00:00:02",
        "--Orleans:Membership:NumMissedProbesLimit=2",
    ];

    private const int TokenBranches = 200;
    private const int Workers = 64;
    private const double CeremonyRate = 100;

    private readonly List<BenchResult> results = [];

    public async Task<IReadOnlyList<BenchResult>> RunAsync(CancellationToken cancellationToken)
    {
        var admin = options.PostgresConnectionString
            ?? throw new InvalidOperationException("the cluster scenario runs on PostgreSQL: pass --postgres CONNECTION-STRING");
        await using var database = await BenchDatabase.CreateAsync(admin);
        var site = await PrepareAsync(database, cancellationToken);

        var everything = options.Scenarios.Contains("cluster", StringComparer.OrdinalIgnoreCase);

        // Each shape on freshly started silos, so that units are placed over the silos of that shape.
        await WithClusterAsync(database, options.Silos, RecommendedMembership, async (client, nodes, management) =>
        {
            if (!everything)
            {
                await FailoverAsync(client, site, nodes, management, "recommended settings (probe 2 s, 2 missed)");
                return;
            }

            var sentBefore = await RemoteMessagesAsync(nodes, site);
            var acknowledged = await IngestAsync(client, site, $"{options.Silos} silos");
            var sentAfter = await RemoteMessagesAsync(nodes, site);
            results.Add(new BenchResult("cluster", "messages between silos per report", (sentAfter - sentBefore) / (double)acknowledged, "messages",
                $"messages the {options.Silos} silos sent each other (Orleans' orleans-messaging-sent-messages-size, in /api/system) over {acknowledged:N0} reports and their rollup"));
            await FanOutAsync(client, site, nodes, $"{options.Silos} silos");
            await FailoverAsync(client, site, nodes, management, "recommended settings (probe 2 s, 2 missed)");
        });

        if (everything)
        {
            await WithClusterAsync(database, 1, RecommendedMembership, async (client, nodes, _) =>
            {
                await IngestAsync(client, site, "1 silo");
                await FanOutAsync(client, site, nodes, "1 silo");
            });
        }

        await WithClusterAsync(database, options.Silos, [], (client, nodes, management) =>
            FailoverAsync(client, site, nodes, management, "Orleans' defaults (probe 5 s, 3 missed)"));

        return results;
    }

    private static async Task WithClusterAsync(BenchDatabase database, int silos, string[] membership, Func<HttpClient, IReadOnlyList<SiloNode>, IHost, Task> run)
    {
        var nodes = Enumerable.Range(0, silos).Select(_ => new SiloNode([.. database.Arguments, .. membership])).ToList();
        try
        {
            foreach (var node in nodes)
            {
                await node.StartAsync();
            }

            await using var front = await NginxFront.StartAsync(nodes.Select(n => n.BaseAddress));
            using var client = front.Client(connections: 20_000);
            using var management = await ManagementAsync(database, CancellationToken.None);
            await run(client, nodes, management);
            await management.StopAsync(CancellationToken.None);

            // Stopped, not killed: the next shape starts on a membership table with no silo left for it to suspect.
            foreach (var node in nodes)
            {
                await node.StopAsync();
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private async Task<ClusterSite> PrepareAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        using var host = SiloApplication.BuildCommandHost([.. database.Arguments]);
        await host.StartAsync(cancellationToken);
        try
        {
            var services = host.Services;
            var demo = await services.GetRequiredService<DemoDataGenerator>().GenerateAsync(
                new DemoDataOptions { ProvinceId = options.Province, CataloguePath = options.CataloguePath, WithAdmissions = true },
                cancellationToken);
            var units = await services.GetRequiredService<HierarchyService>().SubtreeAsync(options.Province);
            var users = services.GetRequiredService<UserStore>();
            var branches = new List<(string, string)>();
            foreach (var branch in units.Where(u => u.Level == UnitLevel.Branch).Take(TokenBranches))
            {
                branches.Add((branch.Id, (await users.AddAsync(branch.Id, SiloRole.Branch, $"bench {branch.Id}", "bench")).Token));
            }

            var board = (await users.AddAsync(options.Province, SiloRole.Board, "bench board", "bench")).Token;
            results.Add(new BenchResult("cluster", $"demo data for province {options.Province}", demo.Branches, "branches", $"{demo.Wards:N0} wards, {demo.Admissions:N0} admissions (PostgreSQL)"));
            return new ClusterSite(branches, board);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Closed-loop ingest through the proxy; returns the number of acknowledged reports.</summary>
    private async Task<int> IngestAsync(HttpClient client, ClusterSite site, string shape)
    {
        // Warm-up, not counted: silos that just started are still waking units with unfinished rollups.
        var warmUp = new ClusterLoad(client, site.Branches);
        using (var warm = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await warmUp.RunAsync(Workers, warm.Token);
        }

        await warmUp.ResendUntilAcknowledgedAsync(TimeSpan.FromSeconds(60));
        var load = new ClusterLoad(client, site.Branches);
        using var stop = new CancellationTokenSource(options.FixedRateDuration);
        var clock = Stopwatch.StartNew();
        await load.RunAsync(Workers, stop.Token);
        var elapsed = clock.Elapsed;
        var latency = Percentiles.Of(load.Latencies);
        results.Add(new BenchResult("cluster", $"durable reports/s through nginx, {shape}", load.Acknowledged / elapsed.TotalSeconds, "reports/s",
            $"{Workers} connections for {elapsed.TotalSeconds:N0} s; p50 {latency.P50:N1} ms, p99 {latency.P99:N1} ms; {load.Failed:N0} not acknowledged"));
        await load.ResendUntilAcknowledgedAsync(TimeSpan.FromSeconds(60));
        return load.Acknowledged;
    }

    /// <summary>Live streams of the province through the proxy while reports arrive at the ceremony-day rate.</summary>
    private async Task FanOutAsync(HttpClient client, ClusterSite site, IReadOnlyList<SiloNode> nodes, string shape)
    {
        var admitted = await SettledAdmittedAsync(client, site);
        var before = nodes.Select(n => n.ResidentMegabytes).ToList();
        await using var streams = new StreamFanOut(client, options.Province, site.BoardToken);
        var opening = Stopwatch.StartNew();
        await streams.OpenAsync(options.Streams, admitted, TimeSpan.FromMinutes(3));
        var opened = opening.Elapsed;
        var load = new ClusterLoad(client, site.Branches);
        streams.Follow(load);
        using (var stop = new CancellationTokenSource(options.FixedRateDuration))
        {
            await load.RunAtRateAsync(CeremonyRate, stop.Token);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var delay = Percentiles.Of(streams.Delays);
        var memory = string.Join(", ", nodes.Select((n, i) => $"silo {i} {before[i]:N0} → {n.ResidentMegabytes:N0} MiB"));
        results.Add(new BenchResult("cluster", $"{options.Streams:N0} streams, {shape}: report-to-client delay p50", delay.P50, "ms",
            $"{streams.Opened:N0} streams of the province opened in {opened.TotalSeconds:N1} s ({streams.Failed:N0} failed); {CeremonyRate:N0} reports/s for {options.FixedRateDuration.TotalSeconds:N0} s; {delay.Count:N0} deliveries"));
        results.Add(new BenchResult("cluster", $"{options.Streams:N0} streams, {shape}: report-to-client delay p99", delay.P99, "ms", $"max {delay.Max:N0} ms"));
        results.Add(new BenchResult("cluster", $"{options.Streams:N0} streams, {shape}: resident memory", nodes.Sum(n => n.ResidentMegabytes), "MiB", memory));
        await load.ResendUntilAcknowledgedAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Reports flow to every branch; one silo is killed; a probe keeps reporting for a branch whose grain lived on it.
    /// Measured from the kill: the probe's first accepted report, and the province counting the ledger again.
    /// </summary>
    private async Task FailoverAsync(HttpClient client, ClusterSite site, IReadOnlyList<SiloNode> nodes, IHost management, string settings)
    {
        var grains = management.Services.GetRequiredService<IClusterClient>();
        var (probe, victim) = await FindBranchOffTheProxyAsync(grains, site, nodes);
        var admittedBefore = await SettledAdmittedAsync(client, site);

        var load = new ClusterLoad(client, site.Branches);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(16, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var killed = Stopwatch.StartNew();
        await victim.KillAsync();
        var declaredDead = WhenDeclaredDeadAsync(grains, victim, killed);
        var random = new Random(11);
        TimeSpan firstAccepted;
        var attempts = new List<string>();
        while (true)
        {
            var sent = killed.Elapsed;
            var accepted = await load.SendNewAsync(probe, random);
            attempts.Add($"{sent.TotalSeconds:N1}–{killed.Elapsed.TotalSeconds:N1} s {(accepted ? "accepted" : "refused")}");
            if (accepted)
            {
                firstAccepted = killed.Elapsed;
                break;
            }

            if (killed.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"no report for {probe.Branch} was accepted within 3 minutes of the kill");
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await running;
        await load.ResendUntilAcknowledgedAsync(TimeSpan.FromSeconds(120));
        var expected = admittedBefore + load.Acknowledged;
        while (await AdmittedAsync(client, site) != expected)
        {
            if (killed.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"the province did not reach the ledger's {expected:N0} within 5 minutes of the kill");
            }

            await Task.Delay(50);
        }

        var settled = killed.Elapsed;
        results.Add(new BenchResult("failover", $"SIGKILL to the silo declared dead, {settings}", (await declaredDead).TotalSeconds, "s", "the membership table lists it as dead"));
        results.Add(new BenchResult("failover", $"SIGKILL to the first accepted report on the dead silo's branch, {settings}", firstAccepted.TotalSeconds, "s",
            $"branch {probe.Branch}; {load.Failed:N0} reports not acknowledged at first, all accepted when resent; the probe's attempts: {string.Join(", ", attempts.TakeLast(6))}"));
        results.Add(new BenchResult("failover", $"SIGKILL to province totals equal to the ledger, {settings}", settled.TotalSeconds, "s",
            $"{load.Acknowledged:N0} reports during the run, the province at {expected:N0}"));
    }

    private static async Task<TimeSpan> WhenDeclaredDeadAsync(IClusterClient grains, SiloNode victim, Stopwatch killed)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        while (killed.Elapsed < TimeSpan.FromMinutes(5))
        {
            try
            {
                var hosts = await management.GetHosts(onlyActive: false);
                if (hosts.Any(h => h.Key.Endpoint.ToString() == victim.SiloEndpoint && h.Value == SiloStatus.Dead))
                {
                    return killed.Elapsed;
                }
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                // The management grain itself may have lived on the dead silo.
            }

            await Task.Delay(50);
        }

        return killed.Elapsed;
    }

    /// <summary>A branch and the silo its grain lives on, that silo being any but the first (whose loss would also take the management client's gateway).</summary>
    private static async Task<((string Branch, string Token) Branch, SiloNode Node)> FindBranchOffTheProxyAsync(IClusterClient grains, ClusterSite site, IReadOnlyList<SiloNode> nodes)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        foreach (var branch in site.Branches)
        {
            var unit = grains.GetGrain<IUnitGrain>(branch.Branch);
            await unit.GetInfoAsync();
            var address = (await management.GetActivationAddress(unit))?.Endpoint.ToString();
            if (nodes.Skip(1).FirstOrDefault(n => n.SiloEndpoint == address) is { } node)
            {
                return (branch, node);
            }
        }

        throw new InvalidOperationException($"none of {site.Branches.Count} branches is active on a silo other than the first");
    }

    /// <summary>The messages all silos have sent to others since their system figures were first asked for.</summary>
    private static async Task<long> RemoteMessagesAsync(IReadOnlyList<SiloNode> nodes, ClusterSite site)
    {
        long total = 0;
        foreach (var node in nodes)
        {
            using var direct = new HttpClient { BaseAddress = node.BaseAddress };
            direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.BoardToken);
            total += JsonNode.Parse(await direct.GetStringAsync("api/system"))!["remoteMessages"]!.GetValue<long>();
        }

        return total;
    }

    private static async Task<IHost> ManagementAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var host = SiloApplication.BuildClusterClientHost([.. database.Arguments]);
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>The province's count once it has stopped moving: every report before has rolled up.</summary>
    private async Task<int> SettledAdmittedAsync(HttpClient client, ClusterSite site)
    {
        var clock = Stopwatch.StartNew();
        var last = await AdmittedAsync(client, site);
        var steadySince = Stopwatch.StartNew();
        while (steadySince.Elapsed < TimeSpan.FromSeconds(3) && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(200);
            var now = await AdmittedAsync(client, site);
            if (now != last)
            {
                last = now;
                steadySince.Restart();
            }
        }

        return last;
    }

    private async Task<int> AdmittedAsync(HttpClient client, ClusterSite site)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/units/{options.Province}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", site.BoardToken);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["admitted"]!.GetValue<int>();
    }

    private sealed record ClusterSite(IReadOnlyList<(string Branch, string Token)> Branches, string BoardToken);
}
