using Hierarchy.Storage.Internal;
using Hierarchy.Storage;
using SQLitePCL;

namespace Hierarchy.Storage.Sqlite;

/// <summary>
/// Applies a batch in one IMMEDIATE transaction on the store's single write connection, each write as soon as
/// it is added, so the statements run while the loop is still waiting for more callers. Journal rows go in
/// first because an INSERT that changes nothing is how a duplicate key shows; the state row follows. When a
/// write is refused, the rows it already inserted are deleted again inside the same transaction, so a refused
/// write leaves nothing and no savepoint is needed on the common path.
/// </summary>
internal sealed class SqliteBatchWriter(string databasePath) : IBatchWriter
{
    private readonly char[] instant = new char[40];
    private sqlite3? connection;
    private SqliteWriteStatements? statements;
    private string now = "";

    public ValueTask BeginAsync(CancellationToken cancellationToken)
    {
        try
        {
            EnsureOpen().Begin.Execute();
            now = InstantText.FormatInstant(DateTimeOffset.UtcNow);
        }
        catch
        {
            Close();
            throw;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Applies the write at once, so the statements run while the loop still waits for more callers.</summary>
    public ValueTask AddAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        Apply(statements!, request, now);
        return ValueTask.CompletedTask;
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        statements!.Commit.Execute();
        return ValueTask.CompletedTask;
    }

    /// <summary>Closing the connection rolls back whatever is uncommitted; the next batch opens a fresh one.</summary>
    public ValueTask AbortAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private void Apply(SqliteWriteStatements sql, WriteRequest request, string now)
    {
        var entries = request.Entries;
        var inserted = 0;
        while (inserted < entries.Count && InsertEntry(sql, request, entries[inserted]))
        {
            inserted++;
        }

        if (inserted < entries.Count)
        {
            TakeBack(sql, request, inserted);
            // The ETag is checked first, as in the memory store: a stale writer learns that it is stale.
            var stored = ReadETag(sql, request);
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

        if (ApplyState(sql, request, now))
        {
            request.MarkApplied();
            return;
        }

        TakeBack(sql, request, inserted);
        request.MarkStale(ReadETag(sql, request));
    }

    private static bool ApplyState(SqliteWriteStatements sql, WriteRequest request, string now)
    {
        if (request.Operation == WriteOperation.Append)
        {
            if (!request.ETagMatches(ReadETag(sql, request)))
            {
                return false;
            }

            if (request.Wake)
            {
                BindKey(sql.MarkWake, request).Execute();
            }

            return true;
        }

        if (request.Operation == WriteOperation.Clear)
        {
            if (request.ExpectedETag is not { } expectedClear)
            {
                // Clearing with no ETag is right only when there is nothing to clear.
                return ReadETag(sql, request) is null;
            }

            var delete = BindKey(sql.DeleteState, request);
            delete.Bind(sql.DeleteState.P.Expected, expectedClear);
            return delete.Execute() == 1;
        }

        var prepared = request.ExpectedETag is null ? sql.InsertState : sql.UpdateState;
        var p = prepared.P;
        var statement = BindKey(prepared, request);
        statement.Bind(p.ETag, request.NewETag);
        statement.Bind(p.Payload, request.Payload.Utf8!.Value.Span);
        statement.Bind(p.Wake, request.Wake ? 1L : 0L);
        statement.Bind(p.UpdatedAt, now);
        if (request.ExpectedETag is { } expected)
        {
            statement.Bind(p.Expected, expected);
        }

        return statement.Execute() == 1;
    }

    private bool InsertEntry(SqliteWriteStatements sql, WriteRequest request, JournalEntry entry)
    {
        var (statement, p) = sql.InsertJournal;
        statement.Bind(p.GrainType, request.GrainType);
        statement.Bind(p.GrainKey, request.GrainKey);
        statement.Bind(p.EntryKey, entry.Key);
        statement.Bind(p.Kind, entry.Kind);
        statement.Bind(p.Payload, entry.Payload);
        statement.Bind(p.RecordedAt, InstantText.FormatInstant(entry.RecordedAt, instant));
        return statement.Execute() == 1;
    }

    /// <summary>Deletes the first <paramref name="count"/> entries of a refused write; none of them existed before it.</summary>
    private static void TakeBack(SqliteWriteStatements sql, WriteRequest request, int count)
    {
        var (statement, p) = sql.DeleteJournal;
        for (var i = 0; i < count; i++)
        {
            statement.Bind(p.GrainType, request.GrainType);
            statement.Bind(p.GrainKey, request.GrainKey);
            statement.Bind(p.EntryKey, request.Entries[i].Key);
            statement.Execute();
        }
    }

    private static long? ReadETag(SqliteWriteStatements sql, WriteRequest request) =>
        BindKey(sql.ReadETag, request).ExecuteInt64();

    private static SqliteStatement BindKey(SqliteWriteStatements.PreparedWrite prepared, WriteRequest request)
    {
        var (statement, p) = prepared;
        statement.Bind(p.GrainType, request.GrainType);
        statement.Bind(p.StateName, request.StateName);
        statement.Bind(p.GrainKey, request.GrainKey);
        return statement;
    }

    private SqliteWriteStatements EnsureOpen()
    {
        if (statements is not null)
        {
            return statements;
        }

        var opened = SqliteConnections.OpenWriterHandle(databasePath);
        try
        {
            statements = new SqliteWriteStatements(opened);
        }
        catch
        {
            opened.Dispose();
            throw;
        }

        connection = opened;
        return statements;
    }

    private void Close()
    {
        statements?.Dispose();
        statements = null;
        connection?.Dispose();
        connection = null;
    }
}
