namespace Hierarchy.Storage;

public sealed class GroupCommitGrainStorageOptions
{
    public AdoNetProvider Provider { get; set; } = AdoNetProvider.Sqlite;

    /// <summary>SQLite: the database file; it and its folder are created when missing.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>PostgreSQL: an Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The most writes committed in one transaction. Large enough that a busy store commits rarely;
    /// bounded so that one commit never holds its callers for long.
    /// </summary>
    public int MaxBatchSize { get; set; } = 4096;

    /// <summary>
    /// PostgreSQL: how many connections commit batches side by side; writes of one grain always go through the
    /// same one, so they stay in order. Three are fastest next to a local server on two cores (bench: 28,300-28,900
    /// reports/s, against 23,500-26,000 with two and 24,900-28,300 with four): while one connection waits for its
    /// commit to reach the disk, the others' batches are already running. More help when the round trip to the server
    /// is what a commit waits for.
    /// SQLite has a single writer whatever this says: the file takes one write transaction at a time.
    /// </summary>
    public int WriterConnections { get; set; } = 3;

    /// <summary>SQLite: how many read connections are kept beside the writer.</summary>
    public int ReadConnections { get; set; } = Math.Max(2, Environment.ProcessorCount);
}
