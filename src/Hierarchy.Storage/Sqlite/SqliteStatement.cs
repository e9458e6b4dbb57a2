using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hierarchy.Storage.Sqlite;

/// <summary>
/// A statement prepared once on the writer's native handle and stepped directly. The writer runs hundreds of
/// thousands of statements a second, and at that rate the ADO.NET command layer (a data reader per call,
/// parameters looked up by name, a fresh UTF-8 array per string) costs more than SQLite itself; the hot calls
/// go through <see cref="SqliteNative"/>.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly IntPtr dbHandle;
    private readonly IntPtr handle;
    private byte[] buffer = new byte[1024];

    public SqliteStatement(sqlite3 db, string sql)
    {
        this.db = db;
        Check(raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement));
        // Only the writer loop uses the statement, and it disposes it itself, so the raw pointers stay valid.
        dbHandle = db.DangerousGetHandle();
        handle = statement.DangerousGetHandle();
    }

    /// <summary>The 1-based position of a named parameter (<c>@name</c>), or 0 when the statement does not use it.</summary>
    public int Parameter(string name) => raw.sqlite3_bind_parameter_index(statement, name);

    public void Bind(int index, long value) => Check(SqliteNative.sqlite3_bind_int64(handle, index, value));

    public void Bind(int index, string value) => Bind(index, value.AsSpan());

    /// <summary>Binds text through a reused UTF-8 buffer; SQLite copies it, so the buffer is free again at once.</summary>
    public void Bind(int index, ReadOnlySpan<char> value)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (needed > buffer.Length)
        {
            buffer = new byte[Math.Max(needed, buffer.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, buffer);
        unsafe
        {
            fixed (byte* bytes = buffer)
            {
                Check(SqliteNative.sqlite3_bind_text(handle, index, bytes, length, SqliteNative.Transient));
            }
        }
    }

    /// <summary>Binds text that is UTF-8 already.</summary>
    public void Bind(int index, ReadOnlySpan<byte> utf8)
    {
        unsafe
        {
            fixed (byte* bytes = utf8)
            {
                Check(SqliteNative.sqlite3_bind_text(handle, index, bytes, utf8.Length, SqliteNative.Transient));
            }
        }
    }

    /// <summary>Runs a statement that returns no rows and gives the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = SqliteNative.sqlite3_step(handle);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            {
                Check(rc);
            }

            return SqliteNative.sqlite3_changes(dbHandle);
        }
        finally
        {
            SqliteNative.sqlite3_reset(handle);
        }
    }

    /// <summary>Runs a query for one integer; null when it returns no row or NULL.</summary>
    public long? ExecuteInt64()
    {
        try
        {
            var rc = SqliteNative.sqlite3_step(handle);
            if (rc == raw.SQLITE_DONE)
            {
                return null;
            }

            if (rc != raw.SQLITE_ROW)
            {
                Check(rc);
            }

            return SqliteNative.sqlite3_column_type(handle, 0) == raw.SQLITE_NULL ? null : SqliteNative.sqlite3_column_int64(handle, 0);
        }
        finally
        {
            SqliteNative.sqlite3_reset(handle);
        }
    }

    public void Dispose() => statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
