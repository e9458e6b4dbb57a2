using Hierarchy.Silo.Bench.Cluster;
using Hierarchy.TestSupport;

namespace Hierarchy.Fault.Tests.Support;

/// <summary>
/// A cluster as an operator runs one: a <see cref="FaultSite"/> on PostgreSQL, several silo processes started with
/// <c>serve</c> and the standard Orleans settings (each its own HTTP, silo and gateway port), and nginx in front
/// of them with the shipped configuration.
/// </summary>
public sealed class ClusterSite : IAsyncDisposable
{
    private readonly PostgresDatabase? database;
    private readonly SiloSlot[] slots;

    private ClusterSite(FaultSite site, PostgresDatabase? database, SiloSlot[] slots)
    {
        Site = site;
        this.database = database;
        this.slots = slots;
    }

    public FaultSite Site { get; }

    public NginxFront Proxy { get; private set; } = null!;

    public IReadOnlyList<SiloProcess> Silos => [.. slots.Select(s => s.Process!)];

    /// <summary>Imports the site with no silo running, then starts <paramref name="silos"/> silos and the proxy.</summary>
    /// <param name="connectionString">A database of the test's own (a private server it may stop); a fresh one on the shared test server when null.</param>
    public static async Task<ClusterSite> StartAsync(int silos, string? connectionString = null)
    {
        var database = connectionString is null ? await PostgresDatabase.CreateAsync() : null;
        string[] storage = ["--Storage:Provider=postgres", $"--Storage:Postgres:ConnectionString={connectionString ?? database!.ConnectionString}"];
        var site = await FaultSite.CreateAsync(storage);
        var slots = Enumerable.Range(0, silos)
            .Select(_ => new SiloSlot(SiloProcess.FreePort(), SiloProcess.FreePort(), SiloProcess.FreePort()))
            .ToArray();
        var cluster = new ClusterSite(site, database, slots);
        try
        {
            foreach (var slot in slots)
            {
                await cluster.StartSlotAsync(slot);
            }

            cluster.Proxy = await NginxFront.StartAsync(slots.Select(s => new Uri($"http://127.0.0.1:{s.HttpPort}/")));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts silo <paramref name="index"/> again on its own ports, after it was stopped or killed.</summary>
    public Task RestartAsync(int index) => StartSlotAsync(slots[index]);

    /// <summary>Which silo an address named by the proxy (<see cref="NginxFront.ServedBy"/>) is; -1 for none of them.</summary>
    public int IndexOf(string servedBy) => Array.FindIndex(slots, s => servedBy == $"127.0.0.1:{s.HttpPort}");

    public string Logs => string.Join("\n", slots.Select((s, i) => $"--- silo {i}\n{s.Process?.Log}")) + "\n--- nginx\n" + Proxy?.ErrorLog;

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        foreach (var slot in slots)
        {
            if (slot.Process is not null)
            {
                await slot.Process.DisposeAsync();
            }
        }

        Site.Dispose();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private async Task StartSlotAsync(SiloSlot slot)
    {
        if (slot.Process is not null)
        {
            await slot.Process.DisposeAsync();
        }

        string[] settings =
        [
            .. Site.Storage,
            $"--Orleans:Endpoints:SiloPort={slot.SiloPort}",
            $"--Orleans:Endpoints:GatewayPort={slot.GatewayPort}",
            "--Orleans:Endpoints:AdvertisedIPAddress=127.0.0.1",
            .. ClusterBenchmark.RecommendedMembership,
        ];
        slot.Process = await SiloProcess.StartAsync(Site.Folder, settings, slot.HttpPort);
    }

    private sealed class SiloSlot(int httpPort, int siloPort, int gatewayPort)
    {
        public int HttpPort { get; } = httpPort;

        public int SiloPort { get; } = siloPort;

        public int GatewayPort { get; } = gatewayPort;

        public SiloProcess? Process { get; set; }
    }
}
