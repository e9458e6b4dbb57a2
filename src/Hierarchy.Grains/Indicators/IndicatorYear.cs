namespace Hierarchy.Grains.Indicators;

/// <summary>One year of indicators as a unit sends them up: the counts over its subtree and its own targets.</summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorYear(IndicatorCounts Counts, IndicatorTargets? Targets);
