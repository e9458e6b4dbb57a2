namespace Hierarchy.Actors.AdoNet.Internal;

/// <summary>
/// Applies a batch of writes in one transaction. Each request's outcome is recorded on it; a request refused
/// for its ETag or a duplicate entry leaves no trace. If the method throws, the transaction did not commit
/// and no request of the batch took effect.
/// </summary>
internal interface IBatchWriter : IAsyncDisposable
{
    Task WriteAsync(IReadOnlyList<WriteRequest> batch, CancellationToken cancellationToken);
}
