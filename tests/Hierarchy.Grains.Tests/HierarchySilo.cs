using Hierarchy.Actors.Hosting;
using Hierarchy.Actors.Persistence;
using Hierarchy.Actors.Testing;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;
using Hierarchy.Grains.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Grains.Tests;

/// <summary>A test silo hosting the hierarchy grains over a given store, with a fast rollup so tests settle quickly.</summary>
public sealed class HierarchySilo : IAsyncDisposable
{
    private readonly TestSilo silo;

    private HierarchySilo(TestSilo silo) => this.silo = silo;

    public HierarchyService Hierarchy => silo.Services.GetRequiredService<HierarchyService>();

    public LedgerVerifier Verifier => silo.Services.GetRequiredService<LedgerVerifier>();

    public IUnitGrain Unit(string id) => Hierarchy.Unit(id);

    public static async Task<HierarchySilo> StartAsync(Action<ActorsBuilder>? storage = null)
    {
        var silo = await TestSilo.StartAsync(
            b =>
            {
                b.AddHierarchyGrains();
                if (storage is null)
                {
                    b.AddGrainStorage(ActorsOptions.DefaultStorageName, _ => new MemoryGrainStorage());
                }
                else
                {
                    storage(b);
                }
            },
            services => services.Configure<RollupOptions>(o =>
            {
                o.MinPushInterval = TimeSpan.FromMilliseconds(5);
                o.CheckpointDelay = TimeSpan.FromMilliseconds(50);
                o.ResendInterval = TimeSpan.FromMilliseconds(400);
                o.SettleDelay = TimeSpan.FromMilliseconds(200);
            }));
        return new HierarchySilo(silo);
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

    public Task KillAsync() => silo.KillAsync();

    public ValueTask DisposeAsync() => silo.DisposeAsync();
}
