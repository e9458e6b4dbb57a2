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
/// Reports an admission at a random branch every few seconds on a demo database, so the dashboard moves. It reads
/// the mode marker before every report: the moment a database holds imported data, it stops touching it.
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
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = TimeSpan.FromSeconds(settings.IntervalSeconds * (0.5 + random.NextDouble()));
            await Task.Delay(delay, time, stoppingToken);
            try
            {
                var mode = await modes.GetAsync();
                if (mode.Mode != DatabaseMode.Demo || !mode.Loaded)
                {
                    continue;
                }

                if (!announced)
                {
                    logger.LogInformation("Demo simulator: reporting an admission about every {Seconds} s", settings.IntervalSeconds);
                    announced = true;
                }

                await ReportOneAsync(mode.Scope, random, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Demo simulator: a report failed");
            }
        }
    }

    private async Task ReportOneAsync(string? scope, Random random, CancellationToken cancellationToken)
    {
        using var activity = SiloTelemetry.Source.StartActivity("demo.simulate-admission");
        var provinces = DemoScopes.Provinces(scope)
            ?? (await hierarchy.Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync()).Select(r => r.Id).ToList();
        if (provinces.Count == 0)
        {
            return;
        }

        // Walk down at random instead of listing every branch: a call or two per level, whatever the size of the demo.
        var id = provinces[random.Next(provinces.Count)];
        for (var depth = 0; depth < HierarchyService.MaxDepth; depth++)
        {
            var info = await hierarchy.Unit(id).GetInfoAsync();
            if (info.Level == UnitLevel.Branch)
            {
                break;
            }

            var children = await hierarchy.Unit(id).GetChildIdsAsync();
            if (children.Count == 0)
            {
                return;
            }

            id = children[random.Next(children.Count)];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var today = time.Today();
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
