using System.Diagnostics;
using System.Threading.Channels;

namespace Hierarchy.Actors.AdoNet.Internal;

/// <summary>
/// Decides how long the writer loop keeps a batch open for writes still to come. Under steady load, the callers
/// a commit releases write again almost at once; if the loop committed without them, they would form the next
/// batch on their own, batches would alternate between two halves of the callers, and every write would wait
/// for two commits. So the loop expects back as many callers as the last commit released plus those already
/// queued behind it, and keeps the batch open until they are all in. It stops waiting as soon as arrivals
/// pause, so a lone caller never waits, and a burst that ends costs one short pause.
/// </summary>
internal sealed class BatchLinger
{
    // A short spin catches callers that are already on their way without giving up the thread; after that the
    // loop waits without burning a core that the callers (or the database server) need.
    private static readonly long SpinPeriod = Stopwatch.Frequency / 50_000;  // 20 µs
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(1);

    private int expected;
    private CancellationTokenSource timeout = new();

    /// <summary>The batch size worth waiting for.</summary>
    public int Target(int maxBatchSize) => Math.Min(expected, maxBatchSize);

    /// <summary>Records a commit: how many writes it released and how many were already queued behind it.</summary>
    public void Committed(int released, int queuedBehind) => expected = released + queuedBehind;

    /// <summary>Waits for the next arrival; false when none came within the quiet period.</summary>
    public async ValueTask<bool> WaitForArrivalAsync(ChannelReader<WriteRequest> reader)
    {
        var spinStarted = Stopwatch.GetTimestamp();
        var spinner = default(SpinWait);
        while (Stopwatch.GetTimestamp() - spinStarted < SpinPeriod)
        {
            if (reader.TryPeek(out _))
            {
                return true;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        if (!timeout.TryReset())
        {
            timeout.Dispose();
            timeout = new CancellationTokenSource();
        }

        timeout.CancelAfter(QuietPeriod);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
