using Orleans.Hosting;
using Orleans.TestingHost;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>One-silo in-process clusters that can be stopped and started again on the same database.</summary>
public static class TestClusters
{
    /// <summary>
    /// Starts a cluster. A restart passes the same <paramref name="serviceId"/>: the stock provider scopes its rows by
    /// service, and the builder would otherwise pick a new one.
    /// </summary>
    public static async Task<InProcessTestCluster> StartAsync(string serviceId, Action<ISiloBuilder> configureSilo)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => configureSilo(silo));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Stops the silo (which writes nothing more once stopped) and releases the cluster.</summary>
    public static async Task StopAsync(InProcessTestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }
}
