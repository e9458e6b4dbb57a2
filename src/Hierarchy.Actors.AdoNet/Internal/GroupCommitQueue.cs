using System.Diagnostics;
using System.Threading.Channels;

namespace Hierarchy.Actors.AdoNet.Internal;

/// <summary>
/// Group commit: callers enqueue writes, one loop takes everything pending (up to a limit), applies it in one
/// transaction and only then completes the callers. While one batch commits, the next one accumulates, so
/// the number of commits (and fsyncs) stays low however many callers there are.
/// </summary>
internal sealed class GroupCommitQueue : IAsyncDisposable
{
    private readonly Channel<WriteRequest> channel = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = false,
        AllowSynchronousContinuations = false,
    });

    private readonly IBatchWriter writer;
    private readonly int maxBatchSize;
    private readonly string provider;
    private readonly Func<Task> ensureSchema;
    private readonly ETagGenerator etags = new();
    private readonly Task loop;

    /// <param name="ensureSchema">Awaited before each batch; cheap once the schema exists. Callers can thus queue
    /// writes before the store is initialized, and a write queued just before disposal is still committed.</param>
    public GroupCommitQueue(IBatchWriter writer, int maxBatchSize, string provider, Func<Task> ensureSchema)
    {
        this.writer = writer;
        this.maxBatchSize = maxBatchSize;
        this.provider = provider;
        this.ensureSchema = ensureSchema;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a write; the task gives the new ETag once the write is durable.</summary>
    public Task<long> EnqueueAsync(WriteRequest request)
    {
        if (!channel.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(AdoNetGrainStorage), "The grain storage has been disposed.");
        }

        return request.Completion.Task;
    }

    /// <summary>Stops taking writes, commits what is already queued, then closes the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        channel.Writer.TryComplete();
        await loop.ConfigureAwait(false);
        await writer.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = channel.Reader;
        var batch = new List<WriteRequest>(Math.Min(maxBatchSize, 1024));
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            try
            {
                await ensureSchema().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Without a schema nothing can be written: fail what is queued now; the next write tries again.
                var waiting = new List<WriteRequest>();
                while (reader.TryRead(out var request))
                {
                    waiting.Add(request);
                }

                CompleteLater(waiting, ex);
                continue;
            }

            while (batch.Count < maxBatchSize && reader.TryRead(out var request))
            {
                // Assigned here, in queue order, so ETags of one store only ever grow.
                request.NewETag = etags.Next(request.ExpectedETag);
                batch.Add(request);
            }

            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<WriteRequest> batch)
    {
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            await writer.WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
            StorageTelemetry.RecordOperation("commit", provider, started);
            StorageTelemetry.RecordBatch(provider, batch.Count);
        }
        catch (Exception ex)
        {
            // The transaction did not commit, so no write of the batch happened, whatever outcome it had recorded.
            failure = ex;
            StorageTelemetry.RecordOperation("commit_failed", provider, started);
        }

        // One work item completes the whole batch, off the writer loop: the loop goes straight on to the next
        // batch while the callers' continuations run on another core, and the thread pool sees one item per
        // commit instead of one per write.
        CompleteLater(batch, failure);
    }

    private static void CompleteLater(List<WriteRequest> requests, Exception? failure) =>
        ThreadPool.UnsafeQueueUserWorkItem(
            static state => Complete(state.Requests, state.Failure),
            (Requests: requests.ToArray(), Failure: failure),
            preferLocal: false);

    private static void Complete(WriteRequest[] requests, Exception? failure)
    {
        foreach (var request in requests)
        {
            if (failure is null)
            {
                request.Complete();
            }
            else
            {
                request.Completion.TrySetException(failure);
            }
        }
    }
}
