using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Closing;

/// <summary>
/// Closing and reopening periods from outside the grains. A reopening is decided by the unit above, in its own turn,
/// so it can never slip between that unit asking its children whether they closed and recording its own closing.
/// </summary>
public sealed class ClosingService(IGrainFactory grains)
{
    public IUnitClosingGrain Unit(string unitId) => grains.GetGrain<IUnitClosingGrain>(unitId);

    public Task<ClosingResult> CloseAsync(string unitId, ClosingPeriod period, string by) => Unit(unitId).CloseAsync(period, by);

    /// <summary>Reopens the unit and the closed units below it; refused while the unit above is closed for the period.</summary>
    public async Task<ClosingResult> ReopenAsync(string unitId, ClosingPeriod period, string by)
    {
        var info = await grains.GetGrain<IUnitGrain>(unitId).GetInfoAsync();
        if (!info.Exists)
        {
            return ClosingResult.Fail(ClosingOutcome.UnknownUnit);
        }

        return info.ParentId is null
            ? await Unit(unitId).ReopenSubtreeAsync(period, by)
            : await Unit(info.ParentId).ReopenChildAsync(unitId, period, by);
    }
}
