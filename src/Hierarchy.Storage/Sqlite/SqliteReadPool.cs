using System.Collections.Concurrent;

namespace Hierarchy.Storage.Sqlite;

/// <summary>
/// A few read connections beside the writer. In WAL mode they read the last committed state without waiting
/// for the writer, and keeping them open keeps their prepared statements.
/// </summary>
internal sealed class SqliteReadPool(string connectionString, int size) : IDisposable
{
    private readonly ConcurrentBag<SqliteReadSession> idle = [];
    private readonly SemaphoreSlim slots = new(size, size);
    private volatile bool disposed;

    public async ValueTask<T> UseAsync<T>(Func<SqliteReadSession, T> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        SqliteReadSession? session = null;
        try
        {
            session = idle.TryTake(out var pooled) ? pooled : SqliteReadSession.Open(connectionString);
            var result = read(session);
            idle.Add(session);
            if (disposed)
            {
                // Disposal raced with this read; whoever gets here last closes what is left.
                DrainIdle();
            }

            return result;
        }
        catch
        {
            // A session that failed mid-read is not trusted again.
            session?.Dispose();
            throw;
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose()
    {
        disposed = true;
        DrainIdle();
    }

    private void DrainIdle()
    {
        while (idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}
