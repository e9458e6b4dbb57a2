using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// One unit as the scenario found it: its live quota and the quota version that apply checks against, members at the
/// start of the year, admissions so far, last year's full-year figures for attainment, and for the current year the
/// candidates now at each stage (in <see cref="Candidates.CandidateStage"/> order).
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
    int LastYearQuota,
    int[]? Candidates = null);
