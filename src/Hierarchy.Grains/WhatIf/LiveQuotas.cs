using Orleans;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>Live quotas through the unit grains: reads are read-only calls, writes go through SetQuotaAsync and its audit entry.</summary>
public sealed class LiveQuotas(IGrainFactory grains, TimeProvider clock) : ILiveQuotas
{
    public async Task<LiveQuota?> ReadAsync(string unitId, int year)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var view = await grains.GetGrain<IUnitGrain>(unitId).GetViewAsync(year, today);
        return view is null ? null : new LiveQuota(view.Id, view.Quota, view.QuotaVersion, view.ParentId);
    }

    public Task<QuotaResult> WriteAsync(string unitId, int year, int quota, long? expectedVersion, string by) =>
        grains.GetGrain<IUnitGrain>(unitId).SetQuotaAsync(year, quota, expectedVersion, by);
}
