using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Catalogue;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Api;
using Hierarchy.Silo.Hosting;
using Hierarchy.Silo.Storage;
using Hierarchy.Silo.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hierarchy.Silo.Demo;

/// <summary>
/// Reports admissions on a demo database at the season's pace (<see cref="SimulatorPace"/>), at branches picked by
/// their own pace, so the dashboard moves and its story holds. It reads the mode marker before every report: the
/// moment a database holds imported data, it stops touching it.
/// </summary>
public sealed class AdmissionSimulator(
    HierarchyService hierarchy,
    DatabaseModeStore modes,
    SiloReadiness readiness,
    SiloTelemetry telemetry,
    TimeProvider time,
    IOptions<DemoOptions> options,
    ILogger<AdmissionSimulator> logger) : BackgroundService
{
    public const string Actor = "demo simulator";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Simulator;
        if (!settings.Enabled || settings.IntervalSeconds <= 0)
        {
            return;
        }

        await readiness.WhenReady.WaitAsync(stoppingToken);
        var random = new Random();
        var announced = false;
        var wait = TimeSpan.FromSeconds(settings.IntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(wait * (0.5 + random.NextDouble()), time, stoppingToken);
            try
            {
                var mode = await modes.GetAsync();
                if (mode.Mode != DatabaseMode.Demo || !mode.Loaded)
                {
                    continue;
                }

                var provinces = await ProvinceViewsAsync(mode.Scope);
                wait = SimulatorPace.MeanWait(provinces.Sum(p => SimulatorPace.AdmissionsPerDay(p, time.Today())), settings);
                if (!announced)
                {
                    logger.LogInformation("Demo simulator: reporting an admission about every {Seconds:0.#} s, a business day every {Day} s", wait.TotalSeconds, settings.SecondsPerDay);
                    announced = true;
                }

                await ReportOneAsync(provinces, random, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Demo simulator: a report failed");
            }
        }
    }

    private async Task<IReadOnlyList<UnitView>> ProvinceViewsAsync(string? scope)
    {
        var ids = DemoScopes.Provinces(scope)
            ?? (await hierarchy.Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync()).Select(r => r.Id).ToList();
        var today = time.Today();
        var views = await Task.WhenAll(ids.Select(id => hierarchy.Unit(id).GetViewAsync(today.Year, today)));
        return views.OfType<UnitView>().ToList();
    }

    private async Task ReportOneAsync(IReadOnlyList<UnitView> provinces, Random random, CancellationToken cancellationToken)
    {
        using var activity = SiloTelemetry.Source.StartActivity("demo.simulate-admission");
        if (provinces.Count == 0)
        {
            return;
        }

        // Walk down by pace instead of listing every branch: a call per level, whatever the size or depth of the demo.
        var today = time.Today();
        var view = provinces[SimulatorPace.PickByPace(provinces.Select(p => p.Admitted).ToList(), random)];
        for (var depth = 0; view.Level != UnitLevel.Branch && depth < HierarchyService.MaxDepth; depth++)
        {
            if (view.Children.Count == 0)
            {
                return;
            }

            var child = view.Children[SimulatorPace.PickByPace(view.Children.Select(c => c.Admitted).ToList(), random)];
            if (await hierarchy.Unit(child.Id).GetViewAsync(today.Year, today) is not { } next)
            {
                return;
            }

            view = next;
        }

        var id = view.Id;
        cancellationToken.ThrowIfCancellationRequested();
        var age = random.NextDouble() < 0.7 ? random.Next(18, 31) : random.Next(31, 61);
        var report = new AdmissionReport(
            $"sim-{Guid.NewGuid():N}",
            today,
            random.NextDouble() < 0.45 ? Gender.Female : Gender.Male,
            today.AddYears(-age).AddDays(-random.Next(0, 360)),
            YouthUnion: age <= 30 && random.NextDouble() < 0.8,
            EthnicMinority: random.NextDouble() < 0.08,
            Religious: random.NextDouble() < 0.05,
            PrivateBusinessOwner: random.NextDouble() < 0.03,
            Education: (Education)random.Next(Enum.GetValues<Education>().Length),
            Occupation: (Occupation)random.Next(Enum.GetValues<Occupation>().Length));
        var result = await hierarchy.Unit(id).ReportAdmissionAsync(report, Actor);
        if (result.Outcome == AdmissionOutcome.Created)
        {
            telemetry.SimulatedAdmissions.Add(1);
        }
    }
}
