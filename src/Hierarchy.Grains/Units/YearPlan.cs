namespace Hierarchy.Grains.Units;

/// <summary>A unit's plan for one year as an import gives it; null leaves a figure as it is.</summary>
[GenerateSerializer, Immutable]
public sealed record YearPlan(int Year, int? Quota, int? MembersAtStart);
