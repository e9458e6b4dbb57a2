using Npgsql;

namespace Hierarchy.Silo.Bench;

/// <summary>
/// A throwaway database for one bench run, so a benchmark never touches the silo's own data: a temporary SQLite file,
/// or a fresh database on the given PostgreSQL server, dropped afterwards.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? sqlitePath;
    private readonly string? adminConnectionString;
    private readonly string? databaseName;

    private BenchDatabase(string provider, string? sqlitePath, string? adminConnectionString, string? databaseName, string? connectionString)
    {
        Provider = provider;
        this.sqlitePath = sqlitePath;
        this.adminConnectionString = adminConnectionString;
        this.databaseName = databaseName;
        ConnectionString = connectionString;
    }

    public string Provider { get; }

    /// <summary>The PostgreSQL connection string of the fresh database; null for SQLite.</summary>
    public string? ConnectionString { get; }

    public string? SqlitePath => sqlitePath;

    /// <summary>The settings that point a silo host at this database.</summary>
    public string[] Arguments => Provider == "sqlite"
        ? ["--Storage:Provider=sqlite", $"--Storage:Sqlite:Path={sqlitePath}"]
        : ["--Storage:Provider=postgres", $"--Storage:Postgres:ConnectionString={ConnectionString}"];

    public static async Task<BenchDatabase> CreateAsync(string? postgresAdminConnectionString)
    {
        if (postgresAdminConnectionString is null)
        {
            var path = Path.Combine(Path.GetTempPath(), $"hierarchy-bench-{Guid.NewGuid():N}.db");
            return new BenchDatabase("sqlite", path, null, null, null);
        }

        var name = $"hierarchy_bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(postgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(postgresAdminConnectionString) { Database = name, MaxPoolSize = 100 };
        return new BenchDatabase("postgres", null, postgresAdminConnectionString, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqlitePath is not null)
        {
            foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
