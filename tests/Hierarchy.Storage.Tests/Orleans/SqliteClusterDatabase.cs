using Microsoft.Data.Sqlite;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A SQLite file in a fresh temporary folder, deleted with the folder at dispose.</summary>
public sealed class SqliteClusterDatabase : IClusterDatabase
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hierarchy-tests", "orleans-" + Guid.NewGuid().ToString("N"));

    public SqliteClusterDatabase()
    {
        DatabasePath = Path.Combine(folder, "grains.db");
    }

    public string DatabasePath { get; }

    public void AddJournalStorage(ISiloBuilder silo) => silo.Services.AddSqliteJournalStorage(StorageNames.Journal, DatabasePath);

    public void AddStockStorage(ISiloBuilder silo, Action<AdoNetGrainStorageOptions>? configure = null) =>
        silo.AddOrleansAdoNetGrainStorage(StorageNames.Stock, AdoNetProvider.Sqlite, DatabasePath, configure);

    public Task<long> CountStockRowsAsync()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM OrleansStorage";
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    public Task<IReadOnlyList<string>> ReadStockPayloadsAsync()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(PayloadBinary AS TEXT) FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
        using var reader = command.ExecuteReader();
        var payloads = new List<string>();
        while (reader.Read())
        {
            payloads.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyList<string>>(payloads);
    }

    public Task BumpStockVersionsAsync()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE OrleansStorage SET Version = Version + 1";
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        // The stock provider's pooled connections would keep the file open, and a deleted folder would come back.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
