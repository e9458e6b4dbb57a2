namespace Hierarchy.Grains.Units;

/// <summary>
/// How a unit of the old tree is kept when the tree is restructured: frozen with the figures it has, under
/// <see cref="ArchiveId"/> (its own id, or a new one when a new unit takes over its code), below the kept copy of its
/// parent, with its children renamed where their codes were taken over too.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Retirement(
    string ArchiveId,
    string? ArchiveParentId,
    DateOnly LastDay,
    IReadOnlyList<UnitLink> Successors,
    IReadOnlyDictionary<string, string> RenamedChildren);
