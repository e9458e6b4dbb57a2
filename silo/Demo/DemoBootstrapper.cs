using Hierarchy.Grains.Demo;
using Hierarchy.Silo.Hosting;
using Hierarchy.Silo.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hierarchy.Silo.Demo;

/// <summary>
/// At start: fills an empty database with the demo (one province by default), finishes a demo load that was cut
/// short, and issues fresh demo tokens. A database holding imported data is never touched.
/// </summary>
public sealed class DemoBootstrapper(
    DemoLoader loader,
    DemoAccounts accounts,
    DatabaseModeStore modes,
    SiloReadiness readiness,
    StartupBanner banner,
    TimeProvider time,
    IOptions<DemoOptions> options,
    ILogger<DemoBootstrapper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (Kestrel listening) while a large demo loads; /health/ready says when it is done.
        await Task.Yield();
        try
        {
            var settings = options.Value;
            var mode = await modes.GetAsync();
            if (settings.Enabled && (mode.Mode == DatabaseMode.Empty || (mode.Mode == DatabaseMode.Demo && !mode.Loaded)))
            {
                await LoadAsync(settings, mode, stoppingToken);
                mode = await modes.GetAsync();
            }

            if (mode.Mode == DatabaseMode.Demo && settings.Tokens)
            {
                banner.DemoAccounts = await accounts.RenewAsync(mode.Scope, settings.Province);
            }

            banner.Mode = mode;
        }
        catch (DemoRefusedException e)
        {
            logger.LogWarning("{Reason}", e.Message);
            banner.Mode = await modes.GetAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Preparing the demo failed; the silo serves the database as it is");
            readiness.Report("demo failed: " + e.Message);
        }

        readiness.MarkReady();
    }

    private async Task LoadAsync(DemoOptions settings, ModeRecord mode, CancellationToken stoppingToken)
    {
        var catalogue = CatalogueLocator.Find(settings.CataloguePath, settings.Catalogue);
        if (catalogue is null)
        {
            logger.LogWarning(
                "No demo: the catalogue was not found ({Configured}). Set Demo:CataloguePath to dvhcvn.json or dvhc-2025.json, or Demo:Catalogue to dvhcvn or 2025, or import your own data.",
                settings.CataloguePath ?? $"looked for {CatalogueLocator.RelativePathOf(settings.Catalogue) ?? $"an unknown catalogue '{settings.Catalogue}'"} above {Directory.GetCurrentDirectory()} and {AppContext.BaseDirectory}");
            return;
        }

        var country = string.Equals(settings.Scope, DemoScopes.Country, StringComparison.OrdinalIgnoreCase);
        var scopeProvinces = DemoScopes.Provinces(mode.Scope);
        var demo = new DemoDataOptions
        {
            Country = country || mode.Scope == DemoScopes.Country,
            ProvinceId = scopeProvinces is { Count: 1 } ? scopeProvinces[0] : settings.Province,
            Year = time.GetLocalNow().Year,
            WithAdmissions = settings.WithAdmissions,
            Seed = settings.Seed,
            CataloguePath = catalogue,
        };
        readiness.Report(demo.Country ? "loading the whole-country demo" : $"loading the demo of province {demo.ProvinceId}");
        logger.LogInformation("Empty database: loading the demo ({Scope}) from {Catalogue}", demo.Country ? "whole country" : "province " + demo.ProvinceId, catalogue);
        var started = time.GetTimestamp();
        var result = await loader.LoadAsync(demo, DemoDataGenerator.Actor, stoppingToken);
        logger.LogInformation(
            "Demo loaded in {Seconds:N1} s: {Provinces} provinces, {Districts} districts, {Wards} wards, {Branches} branches, {Members} members, {Admissions} admissions, {Candidates} candidates",
            time.GetElapsedTime(started).TotalSeconds, result.Provinces, result.Districts, result.Wards, result.Branches, result.Members, result.Admissions, result.Candidates);
    }
}
