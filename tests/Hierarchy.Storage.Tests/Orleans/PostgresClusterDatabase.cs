using Hierarchy.TestSupport;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A fresh database on the PostgreSQL test server, dropped at dispose.</summary>
public sealed class PostgresClusterDatabase : IClusterDatabase
{
    private readonly PostgresDatabase database;

    private PostgresClusterDatabase(PostgresDatabase database)
    {
        this.database = database;
    }

    public static async Task<PostgresClusterDatabase> CreateAsync() => new(await PostgresDatabase.CreateAsync());

    public void AddJournalStorage(ISiloBuilder silo) => silo.Services.AddPostgresJournalStorage(StorageNames.Journal, database.ConnectionString);

    public void AddStockStorage(ISiloBuilder silo, Action<AdoNetGrainStorageOptions>? configure = null) =>
        silo.AddOrleansAdoNetGrainStorage(StorageNames.Stock, AdoNetProvider.Postgres, database.ConnectionString, configure);

    public async Task<long> CountStockRowsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansStorage", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<IReadOnlyList<string>> ReadStockPayloadsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT convert_from(PayloadBinary, 'UTF8') FROM OrleansStorage WHERE PayloadBinary IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var payloads = new List<string>();
        while (await reader.ReadAsync())
        {
            payloads.Add(reader.GetString(0));
        }

        return payloads;
    }

    public async Task BumpStockVersionsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE OrleansStorage SET Version = Version + 1", connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
