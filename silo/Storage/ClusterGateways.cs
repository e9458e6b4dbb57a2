using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Hierarchy.Silo.Storage;

/// <summary>
/// The gateways of a cluster's active silos, as Orleans' membership table in PostgreSQL lists them. A sub-command
/// looks here to decide whether to join a running cluster as a client or to start a silo of its own.
/// </summary>
public static class ClusterGateways
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The gateways listed as active that accept a connection now; a silo killed before it was declared dead is still listed.</summary>
    public static async Task<IReadOnlyList<IPEndPoint>> AnsweringAsync(string connectionString, string clusterId, CancellationToken cancellationToken)
    {
        var answering = new List<IPEndPoint>();
        foreach (var (_, gateway) in await ListedAsync(connectionString, clusterId, others: false, cancellationToken))
        {
            if (await AcceptsAsync(gateway, cancellationToken))
            {
                answering.Add(gateway);
            }
        }

        return answering;
    }

    /// <summary>
    /// A cluster other than <paramref name="clusterId"/> whose silo answers on this database, or null. Two clusters on
    /// one database would each activate the same units: the second must not start.
    /// </summary>
    public static async Task<string?> OtherClusterServingAsync(string connectionString, string clusterId, CancellationToken cancellationToken)
    {
        foreach (var (cluster, gateway) in await ListedAsync(connectionString, clusterId, others: true, cancellationToken))
        {
            if (await AcceptsAsync(gateway, cancellationToken))
            {
                return $"{cluster} at {gateway}";
            }
        }

        return null;
    }

    private static async Task<IReadOnlyList<(string Cluster, IPEndPoint Gateway)>> ListedAsync(string connectionString, string clusterId, bool others, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // A database no silo has started on yet has no membership table.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('orleansmembershiptable') IS NOT NULL", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return [];
            }
        }

        const int active = 3;
        await using var command = new NpgsqlCommand(
            $"SELECT DeploymentId, Address, ProxyPort FROM OrleansMembershipTable WHERE DeploymentId {(others ? "<>" : "=")} @cluster AND Status = @active AND ProxyPort > 0",
            connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("active", active);
        var gateways = new List<(string, IPEndPoint)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (IPAddress.TryParse(reader.GetString(1), out var address))
            {
                gateways.Add((reader.GetString(0), new IPEndPoint(address, reader.GetInt32(2))));
            }
        }

        return gateways;
    }

    private static async Task<bool> AcceptsAsync(IPEndPoint gateway, CancellationToken cancellationToken)
    {
        using var socket = new Socket(gateway.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(gateway, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
