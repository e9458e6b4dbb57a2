namespace Hierarchy.Grains.Catalogue;

[GenerateSerializer]
public sealed class CatalogueState
{
    [Id(0)]
    public SortedDictionary<string, string> Roots { get; set; } = new(StringComparer.Ordinal);
}
