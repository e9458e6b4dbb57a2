using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>One unit whose quota differs between two allocations, with its projected status under each.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitChange(
    string Id,
    string Name,
    UnitLevel Level,
    string? ParentId,
    int QuotaBefore,
    int QuotaAfter,
    int ProjectedBefore,
    int ProjectedAfter,
    ProgressStatus StatusBefore,
    ProgressStatus StatusAfter);
