using System.Text.Json;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Import;

/// <summary>
/// Reads an official catalogue of administrative units into unit definitions, parents first. Both published shapes
/// are read: the one before the 2025 reform (provinces with level2s of districts and their level3s of wards; districts
/// without wards, the island districts, are kept) and the one after it (provinces with level2s of communes, wards and
/// special zones, no district level). A document whose level2s carry level3s is the three-level shape.
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

        var hasDistricts = provinces.EnumerateArray().SelectMany(p => Children(p, "level2s")).Any(l => l.TryGetProperty("level3s", out _));
        var units = new List<UnitDefinition>();
        foreach (var province in provinces.EnumerateArray())
        {
            var provinceId = Required(province, "level1_id");
            if (onlyProvinceId is not null && provinceId != onlyProvinceId)
            {
                continue;
            }

            units.Add(new UnitDefinition(provinceId, Required(province, "name"), UnitLevel.Province, null, Optional(province, "type")));
            foreach (var second in Children(province, "level2s"))
            {
                var secondId = Required(second, "level2_id");
                if (!hasDistricts)
                {
                    units.Add(new UnitDefinition(secondId, Required(second, "name"), UnitLevel.Ward, provinceId, Optional(second, "type")));
                    continue;
                }

                units.Add(new UnitDefinition(secondId, Required(second, "name"), UnitLevel.District, provinceId, Optional(second, "type")));
                foreach (var ward in Children(second, "level3s"))
                {
                    units.Add(new UnitDefinition(Required(ward, "level3_id"), Required(ward, "name"), UnitLevel.Ward, secondId, Optional(ward, "type")));
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
