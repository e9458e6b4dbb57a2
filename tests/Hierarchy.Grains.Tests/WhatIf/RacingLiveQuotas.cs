using Hierarchy.Grains.Units;
using Hierarchy.Grains.WhatIf;

namespace Hierarchy.Grains.Tests.WhatIf;

/// <summary>Live quotas where another board sets one unit's quota just before the scenario's write reaches it.</summary>
internal sealed class RacingLiveQuotas(IGrainFactory grains, string raceOn, int racerQuota) : ILiveQuotas
{
    private readonly LiveQuotas inner = new(grains, TimeProvider.System);

    public Task<LiveQuota?> ReadAsync(string unitId, int year) => inner.ReadAsync(unitId, year);

    public async Task<QuotaResult> WriteAsync(string unitId, int year, int quota, long? expectedVersion, string by)
    {
        if (unitId == raceOn && by != "racer")
        {
            await grains.GetGrain<IUnitGrain>(unitId).SetQuotaAsync(year, racerQuota, null, "racer");
        }

        return await inner.WriteAsync(unitId, year, quota, expectedVersion, by);
    }
}
