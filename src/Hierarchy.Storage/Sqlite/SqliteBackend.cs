using System.Globalization;
using System.Runtime.CompilerServices;
using Hierarchy.Storage.Internal;
using Hierarchy.Storage;
using Microsoft.Data.Sqlite;

namespace Hierarchy.Storage.Sqlite;

internal sealed class SqliteBackend : IStorageBackend
{
    private const string Dialect = SqlScripts.Sqlite;

    private readonly string databasePath;
    private readonly string connectionString;
    private readonly SqliteReadPool readers;
    private readonly SqliteCheckpointer checkpointer;

    public SqliteBackend(string databasePath, int readConnections)
    {
        this.databasePath = databasePath;
        connectionString = SqliteConnections.BuildConnectionString(databasePath);
        readers = new SqliteReadPool(connectionString, readConnections);
        checkpointer = new SqliteCheckpointer(Path.GetFullPath(databasePath));
    }

    public string ProviderName => "sqlite";

    public bool TakesUtf8State => true;

    public Task MigrateAsync(CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.OpenMigrator(connectionString);
        // IMMEDIATE takes the write lock first, so two processes opening a new file migrate one after the other;
        // DDL in SQLite is transactional, so a failed migration leaves the previous version intact.
        using var transaction = connection.BeginTransaction(deferred: false);
        SqliteConnections.Execute(connection, SqlScripts.Get(Dialect, "schema_version"), transaction);

        using var readVersion = connection.CreateCommand();
        readVersion.Transaction = transaction;
        readVersion.CommandText = SqlScripts.Get(Dialect, "read_schema_version");
        var current = Convert.ToInt32(readVersion.ExecuteScalar(), CultureInfo.InvariantCulture);

        var migrations = SqlScripts.Migrations(Dialect);
        SchemaVersions.EnsureKnown(current, migrations, "SQLite database");
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            SqliteConnections.Execute(connection, migration.Sql, transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = SqlScripts.Get(Dialect, "insert_schema_version");
            record.Parameters.AddWithValue("@version", migration.Version);
            record.Parameters.AddWithValue("@applied_at", InstantText.FormatInstant(DateTimeOffset.UtcNow));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    public IBatchWriter CreateWriter() => new SqliteBatchWriter(databasePath);

    public Task<StoredState?> ReadStateAsync(string grainType, string stateName, string grainKey, CancellationToken cancellationToken) =>
        readers.UseAsync(session => session.ReadState(grainType, stateName, grainKey), cancellationToken).AsTask();

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(StoredGrainId grainId, string? kind, CancellationToken cancellationToken) =>
        readers.UseAsync(session => session.ReadJournal(grainId, kind), cancellationToken).AsTask();

    public async IAsyncEnumerable<(StoredGrainId GrainId, JournalEntry Entry)> ReadAllJournalAsync(
        string grainType,
        string? kind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Its own connection: a long scan must not hold one of the pooled readers that grain activations need.
        using var connection = SqliteConnections.OpenReader(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = SqlScripts.Get(Dialect, "read_all_journal");
        command.Parameters.AddWithValue("@grain_type", grainType);
        command.Parameters.AddWithValue("@kind", (object?)kind ?? DBNull.Value);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = new JournalEntry(
                Key: reader.GetString(2),
                Kind: reader.GetString(3),
                Payload: reader.GetString(4),
                RecordedAt: InstantText.ParseInstant(reader.GetString(5)),
                Sequence: reader.GetInt64(0));
            yield return (new StoredGrainId(grainType, reader.GetString(1)), entry);
        }
    }

    public Task<IReadOnlyList<StoredGrainId>> ReadWakeListAsync(CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.OpenReader(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = SqlScripts.Get(Dialect, "read_wake_list");
        using var reader = command.ExecuteReader();
        var grains = new List<StoredGrainId>();
        while (reader.Read())
        {
            grains.Add(new StoredGrainId(reader.GetString(0), reader.GetString(1)));
        }

        return Task.FromResult<IReadOnlyList<StoredGrainId>>(grains);
    }

    public async ValueTask DisposeAsync()
    {
        readers.Dispose();
        await checkpointer.DisposeAsync().ConfigureAwait(false);
    }
}
