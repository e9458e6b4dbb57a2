namespace Hierarchy.Grains.Catalogue;

public sealed class CatalogueState
{
    public SortedDictionary<string, string> Roots { get; set; } = new(StringComparer.Ordinal);
}
