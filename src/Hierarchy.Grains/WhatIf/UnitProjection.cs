using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// One unit in a scenario: its scenario quota beside the live one, what its run rate projects for the year end, and
/// the resulting attainment, gap (quota minus projected; positive is a shortfall) and status under each; beside them the
/// candidates past the branch resolution and the projection and status with them counted as likely admissions.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UnitProjection(
    string Id,
    string Name,
    UnitLevel Level,
    string? ParentId,
    int Quota,
    int LiveQuota,
    bool Locked,
    int MembersAtStart,
    int Admitted,
    int LastYearAdmitted,
    int LastYearQuota,
    double? LastYearAttainment,
    int Projected,
    double? Attainment,
    int Gap,
    ProgressStatus Status,
    ProgressStatus LiveStatus,
    long ChildrenQuota,
    int ChildCount,
    int PastResolution = 0,
    int ProjectedWithCandidates = 0,
    ProgressStatus StatusWithCandidates = ProgressStatus.OnTrack);
