using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;
using Hierarchy.Grains.Verification;
using Hierarchy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Hierarchy.Grains.Tests;

/// <summary>
/// A one-silo Orleans test cluster hosting the hierarchy grains over a given store, with a fast rollup so tests settle
/// quickly. The hierarchy is reached through the silo's own services, as the HTTP API reaches it.
/// </summary>
public sealed class HierarchySilo : IAsyncDisposable
{
    /// <summary>The service every test silo belongs to, as one deployment's silos share theirs across restarts.</summary>
    public const string ServiceId = "hierarchy-tests";

    private readonly InProcessTestCluster cluster;
    private readonly KillableJournalStorage units;
    private int stopped;
    private bool clientStarted;

    private HierarchySilo(InProcessTestCluster cluster, KillableJournalStorage units)
    {
        this.cluster = cluster;
        this.units = units;
    }

    public IServiceProvider Services => cluster.GetSiloServiceProvider();

    public HierarchyService Hierarchy => Services.GetRequiredService<HierarchyService>();

    public LedgerVerifier Verifier => Services.GetRequiredService<LedgerVerifier>();

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IUnitGrain Unit(string id) => Hierarchy.Unit(id);

    /// <summary>
    /// Starts a silo over <paramref name="store"/> (a fresh memory store when none is given; pass the same one again to
    /// restart over it); <paramref name="configure"/> may add or replace services.
    /// </summary>
    public static async Task<HierarchySilo> StartAsync(HierarchyStore? store = null, Action<ISiloBuilder>? configure = null)
    {
        store ??= HierarchyStore.Memory();
        var units = new KillableJournalStorage(await store.OpenUnitsAsync());
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.InitializeClientOnDeploy = false;
        // Orleans' ADO.NET storage keys its rows by service id, and the builder makes up a new one for every cluster: a
        // restart over the same store must be the same service to find the scenarios again.
        builder.Options.ServiceId = ServiceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddHierarchyGrains();
            silo.Services.AddJournalStorage(StorageNames.Units, _ => units);
            store.AddScenarios(silo);
            silo.Services.Configure<RollupOptions>(o =>
            {
                o.MinPushInterval = TimeSpan.FromMilliseconds(5);
                o.CheckpointDelay = TimeSpan.FromMilliseconds(50);
                o.ResendInterval = TimeSpan.FromMilliseconds(400);
                o.SettleDelay = TimeSpan.FromMilliseconds(200);
            });
            configure?.Invoke(silo);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new HierarchySilo(cluster, units);
    }

    /// <summary>The cluster's external client, connected on first use (its calls cross the wire: arguments, results and exceptions are serialized).</summary>
    public async Task<IClusterClient> ClientAsync()
    {
        if (!clientStarted)
        {
            await cluster.InitializeClientAsync();
            clientStarted = true;
        }

        return cluster.Client;
    }

    /// <summary>
    /// A small tree of both shapes: province P → district D → wards W1, W2, and ward W3 straight under the province
    /// (as after the 2025 reform); three branches in each ward.
    /// </summary>
    public async Task<IReadOnlyList<string>> DefineSmallTreeAsync()
    {
        var units = new List<UnitDefinition>
        {
            new("P", "Tỉnh Thử Nghiệm", UnitLevel.Province, null),
            new("D", "Huyện Đông", UnitLevel.District, "P"),
            new("W1", "Xã Liên Chiểu", UnitLevel.Ward, "D"),
            new("W2", "Phường Hòa Hiệp Bắc", UnitLevel.Ward, "D"),
            new("W3", "Xã Sau Sáp Nhập", UnitLevel.Ward, "P"),
        };
        var branches = new[] { "W1", "W2", "W3" }.SelectMany(w => Enumerable.Range(1, 3).Select(i => new UnitDefinition($"{w}-{i:00}", $"Chi bộ Thôn {i} {w}", UnitLevel.Branch, w))).ToList();
        await Hierarchy.DefineUnitsAsync([.. units, .. branches], "test");
        return branches.Select(b => b.Id).ToList();
    }

    public async Task<UnitView> ViewAsync(string id, int? year = null) =>
        (await Unit(id).GetViewAsync(year ?? Today.Year, Today))!;

    /// <summary>Waits until a unit's admitted count for the year reaches the expected value.</summary>
    public async Task<UnitView> WaitForAdmittedAsync(string id, int expected, int? year = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        UnitView view;
        do
        {
            view = await ViewAsync(id, year);
            if (view.Admitted == expected)
            {
                return view;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        return view;
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static AdmissionReport Report(string key, DateOnly? admittedOn = null, int age = 25, Gender gender = Gender.Female, bool youthUnion = true, string? name = null)
    {
        var on = admittedOn ?? Today;
        return new AdmissionReport(key, on, gender, on.AddYears(-age).AddDays(-10), youthUnion, false, false, false, Education.University, Occupation.StateCadre, name);
    }

    /// <summary>
    /// Stops the silo as if its process died: the store is cut off first, so nothing written on the way down (deactivation
    /// checkpoints, acknowledgements) is kept, then the silo stops without waiting for its grains.
    /// </summary>
    public async Task KillAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        units.Kill();
        try
        {
            await cluster.KillSiloAsync(cluster.Silos[0]);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        await cluster.DisposeAsync();
    }
}
