namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// The headline of a projection. <see cref="ProjectedShortfall"/> adds up every missing unit's own gap, so a district
/// and its wards both count; <see cref="Levels"/> gives each level on its own. Parents whose children's quotas add up
/// to more (over-allocated) or less (under-allocated) than their own quota are counted for the quota-sum check.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioTotals(
    int Units,
    int UnitsProjectedToMiss,
    long ProjectedShortfall,
    int RootQuota,
    long RootChildrenQuota,
    int OverAllocatedParents,
    int UnderAllocatedParents,
    IReadOnlyList<LevelTotals> Levels);
