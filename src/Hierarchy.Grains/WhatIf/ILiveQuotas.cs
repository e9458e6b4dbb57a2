using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>How a scenario reads and writes live quotas; the unit grains in production, a seam for tests that need a race.</summary>
public interface ILiveQuotas
{
    /// <summary>The unit's live quota, or null when the unit does not exist.</summary>
    Task<LiveQuota?> ReadAsync(string unitId, int year);

    Task<QuotaResult> WriteAsync(string unitId, int year, int quota, long? expectedVersion, string by);
}
