namespace Hierarchy.Grains.Units;

/// <summary>A unit's identity and place in the tree; <see cref="Exists"/> is false for an id nobody defined.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitInfo(
    string Id,
    string Name,
    UnitLevel Level,
    string? ParentId,
    bool Exists,
    string? MergedInto = null,
    string? Kind = null,
    DateOnly? RetiredOn = null,
    IReadOnlyList<UnitLink>? Successors = null)
{
    /// <summary>The name of the unit's level as it carries it (Phường, Đặc khu, Đảng bộ khối).</summary>
    public string LevelName => LevelNames.Of(Level, Kind);
}
