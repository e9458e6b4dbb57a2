using Hierarchy.Storage.Internal;
using SQLitePCL;

namespace Hierarchy.Storage.Sqlite;

/// <summary>The writer's statements, prepared once per connection, with their parameter positions resolved by name.</summary>
internal sealed class SqliteWriteStatements : IDisposable
{
    private const string Dialect = SqlScripts.Sqlite;

    public SqliteWriteStatements(sqlite3 db)
    {
        // BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails half-way to upgrade it.
        Begin = new SqliteStatement(db, "BEGIN IMMEDIATE");
        Commit = new SqliteStatement(db, "COMMIT");

        InsertJournal = Prepare(db, "insert_journal_entry");
        DeleteJournal = Prepare(db, "delete_journal_entry");
        InsertState = Prepare(db, "insert_state");
        UpdateState = Prepare(db, "update_state");
        DeleteState = Prepare(db, "delete_state");
        ReadETag = Prepare(db, "read_etag");
        MarkWake = Prepare(db, "mark_wake");
    }

    public SqliteStatement Begin { get; }

    public SqliteStatement Commit { get; }

    public PreparedWrite InsertJournal { get; }

    public PreparedWrite DeleteJournal { get; }

    public PreparedWrite InsertState { get; }

    public PreparedWrite UpdateState { get; }

    public PreparedWrite DeleteState { get; }

    public PreparedWrite ReadETag { get; }

    public PreparedWrite MarkWake { get; }

    public void Dispose()
    {
        Begin.Dispose();
        Commit.Dispose();
        foreach (var prepared in new[] { InsertJournal, DeleteJournal, InsertState, UpdateState, DeleteState, ReadETag, MarkWake })
        {
            prepared.Statement.Dispose();
        }
    }

    private static PreparedWrite Prepare(sqlite3 db, string name)
    {
        var statement = new SqliteStatement(db, SqlScripts.Get(Dialect, name));
        return new PreparedWrite(statement, new WriteParameters(
            GrainType: statement.Parameter("@grain_type"),
            StateName: statement.Parameter("@state_name"),
            GrainKey: statement.Parameter("@grain_key"),
            ETag: statement.Parameter("@etag"),
            Expected: statement.Parameter("@expected"),
            Payload: statement.Parameter("@payload"),
            Wake: statement.Parameter("@wake"),
            UpdatedAt: statement.Parameter("@updated_at"),
            EntryKey: statement.Parameter("@entry_key"),
            Kind: statement.Parameter("@kind"),
            RecordedAt: statement.Parameter("@recorded_at")));
    }

    /// <summary>A statement with the positions of the parameters it uses (0 for those it does not).</summary>
    internal sealed record PreparedWrite(SqliteStatement Statement, WriteParameters P);

    internal readonly record struct WriteParameters(
        int GrainType,
        int StateName,
        int GrainKey,
        int ETag,
        int Expected,
        int Payload,
        int Wake,
        int UpdatedAt,
        int EntryKey,
        int Kind,
        int RecordedAt);
}
