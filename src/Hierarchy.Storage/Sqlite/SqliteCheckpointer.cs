using SQLitePCL;

namespace Hierarchy.Storage.Sqlite;

/// <summary>
/// Copies committed WAL pages back into the database file on a connection of its own, a few times a second. Left to
/// the writer, SQLite checkpoints inside the commit that crosses the threshold, and every caller in that group commit
/// waits for the copy and the database file's fsync. PASSIVE never blocks the writer or readers; what it cannot copy
/// yet it copies next time, and the writer still checkpoints by itself should the WAL ever grow very large.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(200);

    // The writer rewinds the WAL when it starts a transaction after a checkpoint has copied everything, which a pause
    // between batches allows. Should writes never pause, the WAL would only grow: past 256 MB a RESTART rewinds it,
    // holding off the writer while it copies what PASSIVE left (it stalls commits, so it is kept for that case).
    private const int RestartAfterFrames = 65_536;

    private readonly string databasePath;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public SqliteCheckpointer(string databasePath)
    {
        this.databasePath = databasePath;
        loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task RunAsync()
    {
        sqlite3? db = null;
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false))
            {
                db = Checkpoint(db, raw.SQLITE_CHECKPOINT_PASSIVE, out var frames);
                if (frames > RestartAfterFrames)
                {
                    db = Checkpoint(db, raw.SQLITE_CHECKPOINT_RESTART, out _);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: one last pass below.
        }

        // The writer has committed its last batch by now. PASSIVE again: another process may still be using the
        // file, and closing must not wait for it.
        Checkpoint(db, raw.SQLITE_CHECKPOINT_PASSIVE, out _)?.Dispose();
    }

    /// <summary>One checkpoint; a failure (the file is busy or not there yet) only drops the connection until the next tick.</summary>
    private sqlite3? Checkpoint(sqlite3? db, int mode, out int frames)
    {
        frames = 0;
        try
        {
            if (db is null)
            {
                if (!File.Exists(databasePath))
                {
                    return null;
                }

                db = SqliteConnections.OpenWriterHandle(databasePath);
            }

            raw.sqlite3_wal_checkpoint_v2(db, null, mode, out var log, out _);
            frames = log;
            return db;
        }
        catch (Exception)
        {
            db?.Dispose();
            return null;
        }
    }
}
