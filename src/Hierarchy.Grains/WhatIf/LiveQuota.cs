namespace Hierarchy.Grains.WhatIf;

/// <summary>A unit's quota for a year as it stands now, with its version and place in the tree.</summary>
[GenerateSerializer, Immutable]
public sealed record LiveQuota(string UnitId, int Quota, long QuotaVersion, string? ParentId);
