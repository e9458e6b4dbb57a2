using System.Text.Json;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Import;

/// <summary>
/// Reads the official catalogue of administrative units (the published dvhcvn JSON shape: provinces with level2s
/// and level3s) into unit definitions, parents first. Districts without wards (island districts) are kept.
/// </summary>
public static class CatalogueReader
{
    public static async Task<IReadOnlyList<UnitDefinition>> ReadAsync(Stream json, string? onlyProvinceId = null, CancellationToken cancellationToken = default)
    {
        using var document = await JsonDocument.ParseAsync(json, cancellationToken: cancellationToken);
        if (!document.RootElement.TryGetProperty("data", out var provinces) || provinces.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The catalogue must be an object with a 'data' array of provinces.");
        }

        var units = new List<UnitDefinition>();
        foreach (var province in provinces.EnumerateArray())
        {
            var provinceId = Required(province, "level1_id");
            if (onlyProvinceId is not null && provinceId != onlyProvinceId)
            {
                continue;
            }

            units.Add(new UnitDefinition(provinceId, Required(province, "name"), UnitLevel.Province, null, Optional(province, "type")));
            foreach (var district in Children(province, "level2s"))
            {
                var districtId = Required(district, "level2_id");
                units.Add(new UnitDefinition(districtId, Required(district, "name"), UnitLevel.District, provinceId, Optional(district, "type")));
                foreach (var ward in Children(district, "level3s"))
                {
                    units.Add(new UnitDefinition(Required(ward, "level3_id"), Required(ward, "name"), UnitLevel.Ward, districtId, Optional(ward, "type")));
                }
            }
        }

        if (onlyProvinceId is not null && units.Count == 0)
        {
            throw new KeyNotFoundException($"Province '{onlyProvinceId}' is not in the catalogue.");
        }

        return units;
    }

    private static IEnumerable<JsonElement> Children(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var children) && children.ValueKind == JsonValueKind.Array ? children.EnumerateArray() : [];

    private static string Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new FormatException($"A catalogue entry lacks '{name}'.");

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
