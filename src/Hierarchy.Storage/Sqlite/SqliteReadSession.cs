using Hierarchy.Storage.Internal;
using Hierarchy.Storage;
using Microsoft.Data.Sqlite;

namespace Hierarchy.Storage.Sqlite;

/// <summary>A read connection with its statements prepared once; used by one caller at a time through the pool.</summary>
internal sealed class SqliteReadSession : IDisposable
{
    private const string Dialect = SqlScripts.Sqlite;

    private readonly SqliteConnection connection;
    private readonly SqliteCommand readState;
    private readonly SqliteCommand readJournal;

    private SqliteReadSession(SqliteConnection connection)
    {
        this.connection = connection;
        readState = SqliteConnections.Prepare(connection, SqlScripts.Get(Dialect, "read_state"),
            ("@grain_type", SqliteType.Text), ("@state_name", SqliteType.Text), ("@grain_key", SqliteType.Text));
        readJournal = SqliteConnections.Prepare(connection, SqlScripts.Get(Dialect, "read_journal"),
            ("@grain_type", SqliteType.Text), ("@grain_key", SqliteType.Text), ("@kind", SqliteType.Text));
    }

    public static SqliteReadSession Open(string connectionString)
    {
        var connection = SqliteConnections.OpenReader(connectionString);
        try
        {
            return new SqliteReadSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public StoredState? ReadState(string grainType, string stateName, string grainKey)
    {
        readState.Parameters["@grain_type"].Value = grainType;
        readState.Parameters["@state_name"].Value = stateName;
        readState.Parameters["@grain_key"].Value = grainKey;
        using var reader = readState.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredState(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2) != 0);
    }

    public IReadOnlyList<JournalEntry> ReadJournal(StoredGrainId grainId, string? kind)
    {
        readJournal.Parameters["@grain_type"].Value = grainId.Type;
        readJournal.Parameters["@grain_key"].Value = grainId.Key;
        readJournal.Parameters["@kind"].Value = (object?)kind ?? DBNull.Value;
        using var reader = readJournal.ExecuteReader();
        var entries = new List<JournalEntry>();
        while (reader.Read())
        {
            entries.Add(new JournalEntry(
                Key: reader.GetString(1),
                Kind: reader.GetString(2),
                Payload: reader.GetString(3),
                RecordedAt: InstantText.ParseInstant(reader.GetString(4)),
                Sequence: reader.GetInt64(0)));
        }

        return entries;
    }

    public void Dispose()
    {
        readState.Dispose();
        readJournal.Dispose();
        connection.Dispose();
    }
}
