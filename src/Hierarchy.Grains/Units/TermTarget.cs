namespace Hierarchy.Grains.Units;

/// <summary>A target over a congress term, e.g. 570 admissions for 2020–2025.</summary>
[GenerateSerializer, Immutable]
public sealed record TermTarget(int FromYear, int ToYear, int Target);
