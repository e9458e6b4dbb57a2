using System.Diagnostics;
using System.Threading.Channels;

namespace Hierarchy.Storage.Internal;

/// <summary>
/// Group commit: callers enqueue writes, one loop takes everything pending (up to a limit), applies it in one
/// transaction and only then completes the callers. While one batch commits, the next one accumulates, so
/// the number of commits (and fsyncs) stays low however many callers there are. The loop never waits for
/// writes still to come: callers released by one commit do their work while the next batch commits, which
/// keeps the cores busy, where holding a batch open for them would leave the cores idle during every commit.
/// </summary>
internal sealed class GroupCommitQueue : IAsyncDisposable
{
    private readonly Channel<WriteRequest> channel = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = false,
        AllowSynchronousContinuations = false,
    });

    // Callers are completed from work items of this many writes each, so a large batch's continuations start on
    // every core at once instead of one after another.
    private const int CompletionChunk = 64;

    private readonly IBatchWriter writer;
    private readonly int maxBatchSize;
    private readonly string provider;
    private readonly Func<Task> ensureSchema;
    private readonly ETagGenerator etags = new();
    private readonly Task loop;
    private Exception? loopFailure;

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
            throw loopFailure is { } failure
                ? new InvalidOperationException("The grain storage's writer stopped after an unexpected error.", failure)
                : new ObjectDisposedException(nameof(GroupCommitGrainStorage), "The grain storage has been disposed.");
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
        try
        {
            await RunLoopAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Only a defect gets here. Refuse new writes and fail the queued ones rather than leave callers waiting.
            loopFailure = ex;
            channel.Writer.TryComplete(ex);
            var stranded = new List<WriteRequest>();
            while (channel.Reader.TryRead(out var request))
            {
                stranded.Add(request);
            }

            CompleteLater(stranded.ToArray(), ex);
        }
    }

    private async Task RunLoopAsync()
    {
        var reader = channel.Reader;
        var batch = new List<WriteRequest>(Math.Min(maxBatchSize, 1024));
        var carried = new List<WriteRequest>();

        // Writes that queued during the previous commit are carried into the next batch.
        while (carried.Count > 0 || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            try
            {
                await ensureSchema().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Without a schema nothing can be written: fail what is queued now; the next write tries again.
                Take(reader, carried);
                CompleteLater(carried.ToArray(), ex);
                carried.Clear();
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var failure = await RunBatchAsync(reader, batch, carried).ConfigureAwait(false);
            StorageTelemetry.RecordOperation(failure is null ? "commit" : "commit_failed", provider, started);
            if (failure is null)
            {
                StorageTelemetry.RecordBatch(provider, batch.Count);
            }

            var committed = batch.ToArray();
            batch.Clear();

            Take(reader, carried);
            CompleteLater(committed, failure);
        }
    }

    /// <summary>
    /// One transaction: the carried writes and everything queued by the time they are applied.
    /// Returns null when it committed, otherwise why it did not (and then none of it happened).
    /// </summary>
    private async Task<Exception?> RunBatchAsync(ChannelReader<WriteRequest> reader, List<WriteRequest> batch, List<WriteRequest> carried)
    {
        try
        {
            // The carried writes join the batch before anything can fail, so a failure fails them with it.
            batch.AddRange(carried);
            carried.Clear();
            await writer.BeginAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var request in batch)
            {
                await writer.AddAsync(request, CancellationToken.None).ConfigureAwait(false);
            }

            while (batch.Count < maxBatchSize && reader.TryRead(out var request))
            {
                Stamp(request);
                batch.Add(request);
                await writer.AddAsync(request, CancellationToken.None).ConfigureAwait(false);
            }

            await writer.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex)
        {
            try
            {
                await writer.AbortAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The batch has failed already; the writer reopens its connection for the next one.
            }

            return ex;
        }
    }

    /// <summary>Moves queued writes into a list, never past the batch limit.</summary>
    private void Take(ChannelReader<WriteRequest> reader, List<WriteRequest> list)
    {
        while (list.Count < maxBatchSize && reader.TryRead(out var request))
        {
            Stamp(request);
            list.Add(request);
        }
    }

    /// <summary>
    /// Gives a write its new ETag as it leaves the queue. A grain's writes always go through the same queue, in
    /// order, so its ETags only ever grow.
    /// </summary>
    private void Stamp(WriteRequest request) => request.NewETag = etags.Next(request.ExpectedETag);

    /// <summary>
    /// Completes the batch from work items off the writer loop: the loop goes straight on to the next batch
    /// while the callers' continuations run, and the thread pool sees one item per chunk instead of one per write.
    /// </summary>
    private static void CompleteLater(WriteRequest[] requests, Exception? failure)
    {
        for (var start = 0; start < requests.Length; start += CompletionChunk)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static state => Complete(state.Requests, state.Start, state.Failure),
                (Requests: requests, Start: start, Failure: failure),
                preferLocal: false);
        }
    }

    private static void Complete(WriteRequest[] requests, int start, Exception? failure)
    {
        var end = Math.Min(requests.Length, start + CompletionChunk);
        for (var i = start; i < end; i++)
        {
            var request = requests[i];
            try
            {
                request.ReleasePayload();
            }
            catch (ArgumentException)
            {
                // A buffer the pool does not recognise is simply left to the garbage collector; what matters is
                // that no caller is left waiting.
            }

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
