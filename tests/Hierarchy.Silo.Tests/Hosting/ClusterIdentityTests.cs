using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Hosting;

/// <summary>One PostgreSQL database is served by one cluster: a silo configured with another cluster id refuses to start.</summary>
public sealed class ClusterIdentityTests
{
    [PostgresFact]
    public async Task A_silo_of_another_cluster_refuses_to_start_on_a_database_a_cluster_serves()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var storage = TestStorage.Postgres(database.ConnectionString);
        string[] Ports() =>
        [
            $"--Orleans:Endpoints:SiloPort={FreePort()}", $"--Orleans:Endpoints:GatewayPort={FreePort()}",
            "--Orleans:Endpoints:AdvertisedIPAddress=127.0.0.1",
        ];

        await using var first = await TestSilo.StartAsync(storage, [.. Ports(), "--Orleans:ClusterId=east"]);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => TestSilo.StartAsync(storage, [.. Ports(), "--Orleans:ClusterId=west"]));
        Assert.Contains("Another cluster (east at 127.0.0.1:", refused.Message, StringComparison.Ordinal);

        // The same cluster id joins instead: both serve the same units.
        await using var second = await TestSilo.StartAsync(storage, [.. Ports(), "--Orleans:ClusterId=east"]);
        using var client = second.Client();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("health/ready")).StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
