using Hierarchy.Grains.Units;
using Hierarchy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Hierarchy.Grains.Hosting;

/// <summary>
/// Activates every unit whose last write asked for it: a unit with a version its parent has not acknowledged, or a
/// branch whose ledger grew after its state was written. Activating one sends what it owes upward. Waking is
/// idempotent, so any silo may do it at any time, and several at once.
/// </summary>
internal sealed class UnitWaker(
    IGrainFactory grains,
    [FromKeyedServices(StorageNames.Units)] IJournalStorage storage,
    ILogger<UnitWaker> logger)
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>Starts waking every marked unit and returns how many there are; failures are logged, not thrown.</summary>
    public async Task<int> WakeMarkedAsync(CancellationToken cancellationToken)
    {
        var woken = 0;
        foreach (var grainId in await storage.ReadWakeListAsync(cancellationToken))
        {
            if (grainId.Type.ToString() != UnitGrain.GrainTypeName)
            {
                continue;
            }

            // Not awaited: one unit that fails to wake must not hold up the others, nor the silo's start.
            _ = WakeAsync(grainId);
            woken++;
        }

        return woken;
    }

    private async Task WakeAsync(GrainId grainId)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IUnitGrain>(grainId).GetInfoAsync();
                return;
            }
            catch (Exception exception) when (attempt < RetryDelays.Length)
            {
                // Just after a silo is lost, the directory may still name it for a while.
                logger.LogDebug(exception, "Waking {GrainId} failed; retrying", grainId);
                await Task.Delay(RetryDelays[attempt]);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Waking {GrainId} failed", grainId);
                return;
            }
        }
    }
}
