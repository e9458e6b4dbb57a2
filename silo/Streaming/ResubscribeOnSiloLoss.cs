using Hierarchy.Grains.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Hierarchy.Silo.Streaming;

/// <summary>
/// A unit that lived on a silo that died comes back on another one with no observers, so the streams served here
/// would hear nothing from it until their periodic renewal. When a silo leaves the cluster, every hub here
/// subscribes again at once.
/// </summary>
public sealed class ResubscribeOnSiloLoss(IClusterMembershipService membership, UnitStreamRegistry registry, ILogger<ResubscribeOnSiloLoss> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in membership.SiloDeathsAsync(stoppingToken))
            {
                registry.ResubscribeAll();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Watching the cluster's membership failed; streams renew their subscriptions on their own schedule");
        }
    }
}
