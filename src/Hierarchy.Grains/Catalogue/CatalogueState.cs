namespace Hierarchy.Grains.Catalogue;

[GenerateSerializer]
public sealed class CatalogueState
{
    [Id(0)]
    public SortedDictionary<string, string> Roots { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The kept copies of former provinces, each the top of a frozen tree.</summary>
    [Id(1)]
    public SortedSet<string> FormerRoots { get; set; } = new(StringComparer.Ordinal);
}
