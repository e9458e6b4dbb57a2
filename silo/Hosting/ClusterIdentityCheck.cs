using Hierarchy.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Hierarchy.Silo.Hosting;

/// <summary>
/// Refuses to start a silo on a PostgreSQL database that a cluster with another <c>Orleans:ClusterId</c> serves: the
/// two clusters would not know of each other, and each would activate the same units. Registered before the silo,
/// so the refusal comes before a single grain wakes.
/// </summary>
public sealed class ClusterIdentityCheck(StorageTarget storage, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clusterId = SiloEndpoints.FromConfiguration(configuration, wellKnownPorts: false).ClusterId;
        if (await ClusterGateways.OtherClusterServingAsync(storage.PostgresConnectionString!, clusterId, cancellationToken) is { } other)
        {
            throw new SiloConfigurationException(
                $"Another cluster ({other}) is serving this database; give this silo the same Orleans:ClusterId, or stop that cluster first.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
