using Npgsql;

namespace Hierarchy.TestSupport;

/// <summary>A fresh, empty database on the test server, dropped (with any open connections) at dispose.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string adminConnectionString;
    private int disposed;

    private PostgresDatabase(string adminConnectionString, string name, string connectionString)
    {
        this.adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>Connects to this database with the admin credentials.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var admin = PostgresTestEnvironment.RequireAdminConnectionString();
        var name = "hierarchy_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            // template0 with an explicit encoding: the database is UTF-8 whatever the server's defaults are.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new PostgresDatabase(admin, name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // Pooled client connections to the dropped database would only fail later; let them go now.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
