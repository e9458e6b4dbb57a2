using Hierarchy.Actors.AdoNet.Internal;
using Microsoft.Data.Sqlite;

namespace Hierarchy.Actors.AdoNet.Sqlite;

/// <summary>
/// Applies a batch in one IMMEDIATE transaction on the store's single write connection, one write after the
/// other with prepared statements. Journal rows go in first because an INSERT that changes nothing is how a
/// duplicate key shows; the state row follows. When a write is refused, the rows it already inserted are
/// deleted again inside the same transaction, so a refused write leaves nothing and needs no savepoint.
/// </summary>
internal sealed class SqliteBatchWriter(string connectionString) : IBatchWriter
{
    private const string Dialect = SqlScripts.Sqlite;

    private SqliteConnection? connection;
    private SqliteCommand insertJournal = null!;
    private SqliteCommand deleteJournal = null!;
    private SqliteCommand insertState = null!;
    private SqliteCommand updateState = null!;
    private SqliteCommand deleteState = null!;
    private SqliteCommand readETag = null!;

    public Task WriteAsync(IReadOnlyList<WriteRequest> batch, CancellationToken cancellationToken)
    {
        try
        {
            var open = EnsureOpen();
            using var transaction = open.BeginTransaction(deferred: false);
            insertJournal.Transaction = transaction;
            deleteJournal.Transaction = transaction;
            insertState.Transaction = transaction;
            updateState.Transaction = transaction;
            deleteState.Transaction = transaction;
            readETag.Transaction = transaction;

            var now = InstantText.FormatInstant(DateTimeOffset.UtcNow);
            foreach (var request in batch)
            {
                Apply(request, now);
            }

            transaction.Commit();
        }
        catch
        {
            // Start the next batch on a fresh connection rather than trust one that just failed.
            Close();
            throw;
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private void Apply(WriteRequest request, string now)
    {
        var entries = request.Entries;
        var inserted = 0;
        while (inserted < entries.Count && InsertEntry(request, entries[inserted]))
        {
            inserted++;
        }

        if (inserted < entries.Count)
        {
            TakeBack(request, inserted);
            // The ETag check comes first, as in the memory store: a stale writer learns it is stale.
            var stored = ReadETag(request);
            if (request.ETagMatches(stored))
            {
                request.MarkDuplicate(entries[inserted].Key);
            }
            else
            {
                request.MarkStale(stored);
            }

            return;
        }

        if (ApplyState(request, now))
        {
            request.MarkApplied();
            return;
        }

        TakeBack(request, inserted);
        request.MarkStale(ReadETag(request));
    }

    private bool ApplyState(WriteRequest request, string now)
    {
        if (request.Operation == WriteOperation.Clear)
        {
            if (request.ExpectedETag is not { } expectedClear)
            {
                // Clearing with no ETag is right only when there is nothing to clear.
                return ReadETag(request) is null;
            }

            SetKey(deleteState, request);
            deleteState.Parameters["@expected"].Value = expectedClear;
            return deleteState.ExecuteNonQuery() == 1;
        }

        var command = request.ExpectedETag is null ? insertState : updateState;
        SetKey(command, request);
        command.Parameters["@etag"].Value = request.NewETag;
        command.Parameters["@payload"].Value = request.Payload;
        command.Parameters["@wake"].Value = request.Wake ? 1L : 0L;
        command.Parameters["@updated_at"].Value = now;
        if (request.ExpectedETag is { } expected)
        {
            command.Parameters["@expected"].Value = expected;
        }

        return command.ExecuteNonQuery() == 1;
    }

    private bool InsertEntry(WriteRequest request, Hierarchy.Actors.Persistence.JournalEntry entry)
    {
        var parameters = insertJournal.Parameters;
        parameters["@grain_type"].Value = request.GrainType;
        parameters["@grain_key"].Value = request.GrainKey;
        parameters["@entry_key"].Value = entry.Key;
        parameters["@kind"].Value = entry.Kind;
        parameters["@payload"].Value = entry.Payload;
        parameters["@recorded_at"].Value = InstantText.FormatInstant(entry.RecordedAt);
        return insertJournal.ExecuteNonQuery() == 1;
    }

    /// <summary>Deletes the first <paramref name="count"/> entries of a refused write; they did not exist before it.</summary>
    private void TakeBack(WriteRequest request, int count)
    {
        var parameters = deleteJournal.Parameters;
        for (var i = 0; i < count; i++)
        {
            parameters["@grain_type"].Value = request.GrainType;
            parameters["@grain_key"].Value = request.GrainKey;
            parameters["@entry_key"].Value = request.Entries[i].Key;
            deleteJournal.ExecuteNonQuery();
        }
    }

    private long? ReadETag(WriteRequest request)
    {
        SetKey(readETag, request);
        return readETag.ExecuteScalar() is long etag ? etag : null;
    }

    private static void SetKey(SqliteCommand command, WriteRequest request)
    {
        var parameters = command.Parameters;
        parameters["@grain_type"].Value = request.GrainType;
        parameters["@state_name"].Value = request.StateName;
        parameters["@grain_key"].Value = request.GrainKey;
    }

    private SqliteConnection EnsureOpen()
    {
        if (connection is not null)
        {
            return connection;
        }

        var opened = SqliteConnections.OpenWriter(connectionString);
        try
        {
            (string, SqliteType) Text(string name) => (name, SqliteType.Text);
            (string, SqliteType) Integer(string name) => (name, SqliteType.Integer);
            var stateKey = new[] { Text("@grain_type"), Text("@state_name"), Text("@grain_key") };
            var stateValues = new[] { Integer("@etag"), Text("@payload"), Integer("@wake"), Text("@updated_at") };

            insertJournal = SqliteConnections.Prepare(opened, SqlScripts.Get(Dialect, "insert_journal_entry"),
                Text("@grain_type"), Text("@grain_key"), Text("@entry_key"), Text("@kind"), Text("@payload"), Text("@recorded_at"));
            deleteJournal = SqliteConnections.Prepare(opened, SqlScripts.Get(Dialect, "delete_journal_entry"),
                Text("@grain_type"), Text("@grain_key"), Text("@entry_key"));
            insertState = SqliteConnections.Prepare(opened, SqlScripts.Get(Dialect, "insert_state"), [.. stateKey, .. stateValues]);
            updateState = SqliteConnections.Prepare(opened, SqlScripts.Get(Dialect, "update_state"), [.. stateKey, .. stateValues, Integer("@expected")]);
            deleteState = SqliteConnections.Prepare(opened, SqlScripts.Get(Dialect, "delete_state"), [.. stateKey, Integer("@expected")]);
            readETag = SqliteConnections.Prepare(opened, SqlScripts.Get(Dialect, "read_etag"), stateKey);
        }
        catch
        {
            opened.Dispose();
            throw;
        }

        connection = opened;
        return opened;
    }

    private void Close()
    {
        if (connection is null)
        {
            return;
        }

        foreach (var command in new[] { insertJournal, deleteJournal, insertState, updateState, deleteState, readETag })
        {
            command?.Dispose();
        }

        connection.Dispose();
        connection = null;
    }
}
