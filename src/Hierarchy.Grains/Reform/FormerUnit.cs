using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Reform;

/// <summary>A unit of the old territorial tree, and how it is kept: under <see cref="ArchiveId"/>, frozen, pointing at its successors.</summary>
[GenerateSerializer, Immutable]
public sealed record FormerUnit(
    string Id,
    string Name,
    UnitLevel Level,
    string ArchiveId,
    string? ArchiveParentId,
    IReadOnlyList<UnitLink> Successors,
    IReadOnlyDictionary<string, string> RenamedChildren);
