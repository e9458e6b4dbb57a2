using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Catalogue;

/// <summary>One unit in a province's search index.</summary>
[GenerateSerializer, Immutable]
public sealed record IndexEntry(string Id, string Name, UnitLevel Level, string? ParentId, string? Kind = null)
{
    public string LevelName => LevelNames.Of(Level, Kind);
}
