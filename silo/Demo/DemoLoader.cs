using System.Diagnostics;
using Hierarchy.Grains;
using Hierarchy.Grains.Catalogue;
using Hierarchy.Grains.Demo;
using Hierarchy.Grains.Rollup;
using Hierarchy.Silo.Storage;
using Hierarchy.Silo.Telemetry;

namespace Hierarchy.Silo.Demo;

/// <summary>
/// Loads demo data under the mode marker's protection: only into an empty or demo database, marked as a demo before
/// the first write (so that a load cut short is finished at the next start, never mistaken for real data). A load
/// ends once its figures have reached the province: the silo reports ready, and a command stops, with every total
/// already counting the demo's admissions.
/// </summary>
public sealed class DemoLoader(DemoDataGenerator generator, DatabaseModeStore modes, HierarchyService hierarchy, RollupSettler settler)
{
    public async Task<DemoDataResult> LoadAsync(DemoDataOptions options, string by, CancellationToken cancellationToken)
    {
        using var activity = SiloTelemetry.Source.StartActivity("demo.load");
        activity?.SetTag("demo.scope", DemoScopes.Of(options.Country, options.ProvinceId));
        var mode = await modes.GetAsync();
        await EnsureDemoAllowedAsync(mode);
        var scope = DemoScopes.Merge(mode.Mode == DatabaseMode.Demo ? mode.Scope : null, DemoScopes.Of(options.Country, options.ProvinceId));
        await modes.MarkDemoAsync(scope, loaded: false, by);
        var result = await generator.GenerateAsync(options, cancellationToken);
        var provinces = options.Country
            ? (await hierarchy.Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync()).Select(r => r.Id).ToList()
            : [options.ProvinceId!];
        var units = (await Task.WhenAll(provinces.Select(hierarchy.SubtreeAsync))).SelectMany(u => u).ToList();
        await settler.SettleAsync(units, RollupSettler.DefaultTimeout, cancellationToken);
        await modes.MarkDemoAsync(scope, loaded: true, by);
        activity?.SetStatus(ActivityStatusCode.Ok);
        return result;
    }

    /// <summary>Throws unless the database is a demo or truly empty; an unmarked database with units is real data and gets marked so.</summary>
    public async Task EnsureDemoAllowedAsync(ModeRecord mode)
    {
        if (mode.Mode == DatabaseMode.Imported)
        {
            throw new DemoRefusedException("This database holds imported data; demo data goes only into an empty or demo database (point Storage:Sqlite:Path or Storage:Postgres:ConnectionString elsewhere).");
        }

        if (mode.Mode == DatabaseMode.Empty && (await hierarchy.Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync()).Count > 0)
        {
            await modes.MarkImportedAsync("silo (units found without a demo marker)");
            throw new DemoRefusedException("This database already holds units that no demo created; it is treated as imported data and left alone.");
        }
    }
}
