using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// One unit as the scenario found it: its live quota and the quota version that apply checks against, members at the
/// start of the year, admissions so far, and last year's full-year figures for attainment.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SnapshotUnit(
    string Id,
    string Name,
    UnitLevel Level,
    string? ParentId,
    int Quota,
    long QuotaVersion,
    int MembersAtStart,
    int Admitted,
    int LastYearAdmitted,
    int LastYearQuota);
