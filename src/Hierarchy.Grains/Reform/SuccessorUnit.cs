using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Reform;

/// <summary>A unit of the new catalogue and the former units it was formed from.</summary>
[GenerateSerializer, Immutable]
public sealed record SuccessorUnit(UnitDefinition Definition, IReadOnlyList<UnitLink> Predecessors);
