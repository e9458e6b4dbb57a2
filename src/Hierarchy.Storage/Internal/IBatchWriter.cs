namespace Hierarchy.Storage.Internal;

/// <summary>
/// Applies batches of writes, one transaction each: <see cref="BeginAsync"/>, any number of
/// <see cref="AddAsync"/>, then <see cref="CommitAsync"/>. Each request's outcome is recorded on it; a request
/// refused for its ETag or a duplicate entry leaves no trace. When any step throws, the queue calls
/// <see cref="AbortAsync"/>: the transaction did not commit and no request of the batch took effect.
/// </summary>
internal interface IBatchWriter : IAsyncDisposable
{
    ValueTask BeginAsync(CancellationToken cancellationToken);

    /// <summary>Adds a write to the open transaction; a writer may apply it at once or when committing.</summary>
    ValueTask AddAsync(WriteRequest request, CancellationToken cancellationToken);

    /// <summary>Applies whatever is still pending and commits; returns once the commit is durable.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken);

    /// <summary>Abandons the open transaction after a failure, leaving the writer ready for the next batch.</summary>
    ValueTask AbortAsync();
}
