using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Hierarchy.Grains.Hosting;

/// <summary>
/// When another silo of the cluster dies, the units that lived on it lose what they held in memory, and nothing
/// calls a branch that is not reporting: its owed rollup would wait for the next report. So the surviving silos
/// wake every unit with unfinished work, as a starting silo does, and the totals above settle by themselves.
/// </summary>
internal sealed class WakeUnitsOnSiloLoss(
    IClusterMembershipService membership,
    UnitWaker waker,
    ILogger<WakeUnitsOnSiloLoss> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource stopping = new();
    private Task? watching;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WakeUnitsOnSiloLoss), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        watching = Task.Run(() => WatchAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (watching is not null)
        {
            await watching.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var lost in membership.SiloDeathsAsync(cancellationToken))
            {
                var woken = await waker.WakeMarkedAsync(cancellationToken);
                logger.LogInformation("Silo {Silos} left the cluster; waking {Count} units with unfinished rollup work", string.Join(", ", lost), woken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Watching the cluster's membership failed; units of a lost silo wake at their next call");
        }
    }
}
