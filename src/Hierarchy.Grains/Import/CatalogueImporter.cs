using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Import;

/// <summary>Imports the official catalogue of provinces, districts and wards as unit grains.</summary>
public sealed class CatalogueImporter(HierarchyService hierarchy)
{
    public async Task<CatalogueImportResult> ImportAsync(Stream json, string by, string? onlyProvinceId = null, CancellationToken cancellationToken = default)
    {
        var units = await CatalogueReader.ReadAsync(json, onlyProvinceId, cancellationToken);
        await hierarchy.DefineUnitsAsync(units, by);
        return new CatalogueImportResult(
            units.Count(u => u.Level == UnitLevel.Province),
            units.Count(u => u.Level == UnitLevel.District),
            units.Count(u => u.Level == UnitLevel.Ward));
    }
}
