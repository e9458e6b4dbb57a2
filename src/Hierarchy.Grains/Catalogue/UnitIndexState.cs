namespace Hierarchy.Grains.Catalogue;

[GenerateSerializer]
public sealed class UnitIndexState
{
    [Id(0)]
    public Dictionary<string, IndexEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
