using System.Runtime.CompilerServices;
using Hierarchy.Storage.Internal;
using Hierarchy.Storage;
using Npgsql;

namespace Hierarchy.Storage.Postgres;

internal sealed class PostgresBackend : IStorageBackend
{
    private const string Dialect = SqlScripts.Postgres;

    private readonly NpgsqlDataSource dataSource;

    public PostgresBackend(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // Reads repeat a handful of statements; preparing them saves parsing and planning on every call.
            builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        }

        dataSource = builder.Build();
    }

    public string ProviderName => "postgres";

    public bool TakesUtf8State => false;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, SqlScripts.Get(Dialect, "lock_schema"), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, SqlScripts.Get(Dialect, "schema_version"), cancellationToken).ConfigureAwait(false);

        int current;
        await using (var readVersion = new NpgsqlCommand(SqlScripts.Get(Dialect, "read_schema_version"), connection, transaction))
        {
            current = (int)(await readVersion.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var migrations = SqlScripts.Migrations(Dialect);
        SchemaVersions.EnsureKnown(current, migrations, "PostgreSQL database");
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand(SqlScripts.Get(Dialect, "insert_schema_version"), connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public IBatchWriter CreateWriter() => new PostgresBatchWriter(dataSource);

    public async Task<StoredState?> ReadStateAsync(string grainType, string stateName, string grainKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(SqlScripts.Get(Dialect, "read_state"), connection);
        command.Parameters.AddWithValue("grain_type", grainType);
        command.Parameters.AddWithValue("state_name", stateName);
        command.Parameters.AddWithValue("grain_key", grainKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredState(reader.GetInt64(0), reader.GetString(1), reader.GetBoolean(2));
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(StoredGrainId grainId, string? kind, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(SqlScripts.Get(Dialect, "read_journal"), connection);
        command.Parameters.AddWithValue("grain_type", grainId.Type);
        command.Parameters.AddWithValue("grain_key", grainId.Key);
        command.Parameters.Add(new NpgsqlParameter<string?>("kind", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = kind });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new JournalEntry(
                Key: reader.GetString(1),
                Kind: reader.GetString(2),
                Payload: reader.GetString(3),
                RecordedAt: reader.GetFieldValue<DateTimeOffset>(4),
                Sequence: reader.GetInt64(0)));
        }

        return entries;
    }

    public async IAsyncEnumerable<(StoredGrainId GrainId, JournalEntry Entry)> ReadAllJournalAsync(
        string grainType,
        string? kind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One query read row by row: Npgsql takes rows off the socket as they are consumed, so memory stays flat,
        // and a single snapshot never skips a row the way paging by sequence could while other writers commit.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(SqlScripts.Get(Dialect, "read_all_journal"), connection);
        command.Parameters.AddWithValue("grain_type", grainType);
        command.Parameters.Add(new NpgsqlParameter<string?>("kind", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = kind });
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sequence = reader.GetInt64(0);
            var grainKey = reader.GetString(1);
            var entry = new JournalEntry(
                Key: reader.GetString(2),
                Kind: reader.GetString(3),
                Payload: reader.GetString(4),
                RecordedAt: reader.GetFieldValue<DateTimeOffset>(5),
                Sequence: sequence);
            yield return (new StoredGrainId(grainType, grainKey), entry);
        }
    }

    public async Task<IReadOnlyList<StoredGrainId>> ReadWakeListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(SqlScripts.Get(Dialect, "read_wake_list"), connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var grains = new List<StoredGrainId>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            grains.Add(new StoredGrainId(reader.GetString(0), reader.GetString(1)));
        }

        return grains;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
