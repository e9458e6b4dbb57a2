using Hierarchy.Silo.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Silo.Hosting;

/// <summary>Holds the serving lease while the silo runs: refuses to start beside another live silo, heartbeats, releases at stop.</summary>
public sealed class LeaseService(ServingLease lease, TimeProvider time, ILogger<LeaseService> logger) : IHostedService, IAsyncDisposable
{
    private ITimer? heartbeat;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await lease.AcquireOrRenewAsync() is { } other)
        {
            throw new SiloConfigurationException($"Another silo ({other}) is serving this database; stop it first, or point this one at another database.");
        }

        heartbeat = time.CreateTimer(_ => _ = RenewAsync(), null, ServingLease.HeartbeatInterval, ServingLease.HeartbeatInterval);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        heartbeat?.Dispose();
        heartbeat = null;
        try
        {
            await lease.ReleaseAsync();
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Releasing the serving lease failed; it expires by itself");
        }
    }

    public ValueTask DisposeAsync()
    {
        heartbeat?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task RenewAsync()
    {
        try
        {
            if (await lease.AcquireOrRenewAsync() is { } other)
            {
                logger.LogError("The serving lease was taken by {Other}; two silos may be writing the same database", other);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Renewing the serving lease failed");
        }
    }
}
