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
        foreach (var gateway in await ListedAsync(connectionString, clusterId, cancellationToken))
        {
            if (await AcceptsAsync(gateway, cancellationToken))
            {
                answering.Add(gateway);
            }
        }

        return answering;
    }

    private static async Task<IReadOnlyList<IPEndPoint>> ListedAsync(string connectionString, string clusterId, CancellationToken cancellationToken)
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
            "SELECT Address, ProxyPort FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Status = @active AND ProxyPort > 0",
            connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("active", active);
        var gateways = new List<IPEndPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (IPAddress.TryParse(reader.GetString(0), out var address))
            {
                gateways.Add(new IPEndPoint(address, reader.GetInt32(1)));
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
