using Microsoft.Data.Sqlite;

namespace Hierarchy.Actors.AdoNet.Sqlite;

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
    /// The single writer: WAL so readers never block it, synchronous=FULL so a commit is on disk before
    /// any caller is told it succeeded.
    /// </summary>
    public static SqliteConnection OpenWriter(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                PRAGMA busy_timeout = 30000;
                PRAGMA cache_size = -65536;
                PRAGMA temp_store = MEMORY;
                """);
            return connection;
        }
        catch
        {
            connection.Dispose();
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
                PRAGMA cache_size = -16384;
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
