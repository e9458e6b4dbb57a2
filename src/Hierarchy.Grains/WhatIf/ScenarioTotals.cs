namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// The headline of a projection. <see cref="ProjectedShortfall"/> adds up every missing unit's own gap, so a district
/// and its wards both count; <see cref="Levels"/> gives each level on its own. Parents whose children's quotas add up
/// to more (over-allocated) or less (under-allocated) than their own quota are counted for the quota-sum check. The
/// root's projection and the units projected to miss are also given with the candidates past the branch resolution
/// counted as likely admissions, so a board sees how much the sources change the forecast.
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
    IReadOnlyList<LevelTotals> Levels,
    int RootProjected = 0,
    int RootProjectedWithCandidates = 0,
    int UnitsProjectedToMissWithCandidates = 0);
