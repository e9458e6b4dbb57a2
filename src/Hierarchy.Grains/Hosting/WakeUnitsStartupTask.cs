using Hierarchy.Grains.Units;
using Hierarchy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Hierarchy.Grains.Hosting;

/// <summary>
/// Activates, when the silo starts, every unit whose last write asked for it: a unit with a version its parent has not
/// acknowledged, or a branch whose ledger grew after its state was written. Activating one sends what it owes
/// upward. Waking is idempotent, so it stays right when several silos start over the same database.
/// </summary>
internal sealed class WakeUnitsStartupTask(
    IGrainFactory grains,
    [FromKeyedServices(StorageNames.Units)] IJournalStorage storage,
    ILogger<WakeUnitsStartupTask> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var woken = 0;
        foreach (var grainId in await storage.ReadWakeListAsync(cancellationToken))
        {
            if (grainId.Type.ToString() != UnitGrain.GrainTypeName)
            {
                continue;
            }

            // Not awaited: a unit that fails to wake is logged and must not stop the silo from starting.
            _ = WakeAsync(grainId);
            woken++;
        }

        if (woken > 0)
        {
            logger.LogInformation("Waking {Count} units with unfinished rollup work", woken);
        }
    }

    private async Task WakeAsync(GrainId grainId)
    {
        try
        {
            await grains.GetGrain<IUnitGrain>(grainId).GetInfoAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Waking {GrainId} failed", grainId);
        }
    }
}
