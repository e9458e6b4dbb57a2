using Hierarchy.Actors.Persistence;
using Microsoft.Extensions.Hosting;

namespace Hierarchy.Actors.AdoNet.Internal;

/// <summary>Creates or migrates a registered store's schema when the host starts.</summary>
internal sealed class AdoNetStorageInitializer(IGrainStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        storage is AdoNetGrainStorage store ? store.InitializeAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
