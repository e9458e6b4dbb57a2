using Hierarchy.Actors.Persistence;
using Hierarchy.Actors.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Actors.Hosting;

/// <summary>Starts the runtime with the host: sweeping, waking the grains that asked to be woken, and deactivating all at stop.</summary>
internal sealed class ActorsHostedService(GrainRuntime runtime, IServiceProvider services, ILogger<ActorsHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.StartSweeping();
        if (!runtime.Options.WakeOnStart)
        {
            return;
        }

        var storages = services.GetKeyedServices<IGrainStorage>(KeyedService.AnyKey).Distinct().ToList();
        var woken = 0;
        foreach (var storage in storages)
        {
            foreach (var grainId in await storage.ReadWakeListAsync(cancellationToken).ConfigureAwait(false))
            {
                // Not awaited: a grain that fails to wake logs it and must not stop the silo from starting.
                _ = runtime.WakeAsync(grainId).ContinueWith(
                    t => logger.LogWarning(t.Exception, "Waking {GrainId} failed", grainId),
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted,
                    TaskScheduler.Default);
                woken++;
            }
        }

        if (woken > 0)
        {
            logger.LogInformation("Woke {Count} grains with unfinished work", woken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await runtime.DeactivateAllAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of shutdown time: what has not deactivated is dropped when the runtime is disposed, as in a crash;
            // durable state is whatever the grains wrote.
            logger.LogWarning("{Count} activations did not deactivate within the shutdown timeout", runtime.ActivationCount);
        }
    }
}
