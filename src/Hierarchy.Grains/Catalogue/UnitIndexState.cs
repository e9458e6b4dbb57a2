namespace Hierarchy.Grains.Catalogue;

public sealed class UnitIndexState
{
    public Dictionary<string, IndexEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
