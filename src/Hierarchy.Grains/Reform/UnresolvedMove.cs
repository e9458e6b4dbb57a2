using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Reform;

/// <summary>A unit whose new place the conversion table does not decide (its old ward was split or has no row); it must be named in the mapping.</summary>
public sealed record UnresolvedMove(string UnitId, string Name, string FromId, string FromName, IReadOnlyList<UnitLink> Candidates);
