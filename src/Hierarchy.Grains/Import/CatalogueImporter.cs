using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Import;

/// <summary>Imports an official catalogue (provinces, districts and wards, or provinces and communes) as unit grains; it returns once the rollup has settled.</summary>
public sealed class CatalogueImporter(HierarchyService hierarchy, RollupSettler settler)
{
    public async Task<CatalogueImportResult> ImportAsync(Stream json, string by, string? onlyProvinceId = null, CancellationToken cancellationToken = default)
    {
        var units = await CatalogueReader.ReadAsync(json, onlyProvinceId, cancellationToken);
        await hierarchy.DefineUnitsAsync(units, by);
        await settler.SettleAsync(units.Select(u => new UnitInfo(u.Id, u.Name, u.Level, u.ParentId, true, Kind: u.Kind)).ToList(), RollupSettler.DefaultTimeout, cancellationToken);
        return new CatalogueImportResult(
            units.Count(u => u.Level == UnitLevel.Province),
            units.Count(u => u.Level == UnitLevel.District),
            units.Count(u => u.Level == UnitLevel.Ward));
    }
}
