using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hierarchy.Storage.Sqlite;

/// <summary>Opens the connections a SQLite store uses, each with the settings its role needs.</summary>
internal static class SqliteConnections
{
    public static string BuildConnectionString(string databasePath)
    {
        var fullPath = Path.GetFullPath(databasePath);
        var folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // The store keeps its own connections (one writer, a few readers with prepared statements);
            // the driver's pool would only keep the file open after the store is disposed.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>
    /// The settings every connection that writes uses: WAL so readers never block the writer, and
    /// synchronous=FULL so a commit is on disk before any caller is told it succeeded.
    /// </summary>
    public const string WriterPragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA busy_timeout = 30000;
        PRAGMA temp_store = MEMORY;
        """;

    /// <summary>
    /// A connection for the schema migration, which runs once and is happy with ADO.NET.
    /// </summary>
    public static SqliteConnection OpenMigrator(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, WriterPragmas);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What the writer adds to <see cref="WriterPragmas"/>: <see cref="SqliteCheckpointer"/> keeps the WAL short, so
    /// the writer's own checkpoint (inside a commit) is only a last resort, at about 400 MB. The WAL file is left at
    /// its size: cutting it back inside a commit stalled that commit for 170 ms.
    /// </summary>
    public const string WriterCheckpointPragmas = """
        PRAGMA wal_autocheckpoint = 100000;
        """;

    /// <summary>
    /// The group-commit writer's native handle. It is opened without SQLite's per-connection mutex (only the
    /// writer loop ever touches it) and keeps the default small page cache: SQLite scans its whole page cache
    /// at the end of every transaction, and the OS cache holds the file anyway.
    /// </summary>
    public static sqlite3 OpenWriterHandle(string databasePath)
    {
        Batteries_V2.Init();
        var flags = raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_NOMUTEX | raw.SQLITE_OPEN_PRIVATECACHE;
        var rc = raw.sqlite3_open_v2(Path.GetFullPath(databasePath), out var db, flags, null);
        try
        {
            SqliteException.ThrowExceptionForRC(rc, db);
            SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(db, WriterPragmas + WriterCheckpointPragmas), db);
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    public static SqliteConnection OpenReader(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, """
                PRAGMA busy_timeout = 30000;
                PRAGMA query_only = 1;
                """);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>A command compiled once and reused with new parameter values; parameters are typed up front.</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        command.Prepare();
        return command;
    }
}
