using Hierarchy.Storage.Internal;

namespace Hierarchy.Storage.Tests;

/// <summary>
/// Wraps a real batch writer and makes its next commit fail after every write has been applied, the way a full
/// disk or a lost connection would. Everything else is the real database.
/// </summary>
internal sealed class FailingCommitWriter(IBatchWriter inner) : IBatchWriter
{
    public bool FailNextCommit { get; set; }

    public ValueTask BeginAsync(CancellationToken cancellationToken) => inner.BeginAsync(cancellationToken);

    public ValueTask AddAsync(WriteRequest request, CancellationToken cancellationToken) => inner.AddAsync(request, cancellationToken);

    public ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        if (FailNextCommit)
        {
            FailNextCommit = false;
            throw new IOException("Injected commit failure.");
        }

        return inner.CommitAsync(cancellationToken);
    }

    public ValueTask AbortAsync() => inner.AbortAsync();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
