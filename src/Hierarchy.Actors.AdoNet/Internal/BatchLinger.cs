using System.Diagnostics;

namespace Hierarchy.Actors.AdoNet.Internal;

/// <summary>
/// Decides how long the writer loop keeps a batch open for writes still to come. Under steady load, the callers
/// a commit releases write again almost at once; if the loop committed without them, they would form the next
/// batch on their own, batches would alternate between two halves of the callers, and every write would wait
/// for two commits. So the loop expects back as many callers as the last commit released plus those already
/// queued behind it, and keeps applying arrivals until they are all in. It stops waiting as soon as arrivals
/// pause, so a lone caller never waits, and a burst that ends costs one short pause.
/// </summary>
internal sealed class BatchLinger
{
    private static readonly long QuietPeriod = Stopwatch.Frequency / 5000;  // 200 µs without an arrival
    private static readonly long MaxIdle = Stopwatch.Frequency / 1000;      // 1 ms after the batch first ran dry

    private int expected;
    private long lastArrival;
    private long dryAt;
    private SpinWait spinner;

    /// <summary>The batch size worth waiting for.</summary>
    public int Target(int maxBatchSize) => Math.Min(expected, maxBatchSize);

    /// <summary>Records a commit: how many writes it released and how many were already queued behind it.</summary>
    public void Committed(int released, int queuedBehind) => expected = released + queuedBehind;

    public void StartBatch()
    {
        lastArrival = Stopwatch.GetTimestamp();
        dryAt = 0;
        spinner = default;
    }

    public void Arrived() => lastArrival = Stopwatch.GetTimestamp();

    /// <summary>Called when nothing is queued: pauses briefly and says whether to keep waiting.</summary>
    public bool KeepWaiting()
    {
        var now = Stopwatch.GetTimestamp();
        if (dryAt == 0)
        {
            dryAt = now;
        }

        if (now - lastArrival >= QuietPeriod || now - dryAt >= MaxIdle)
        {
            return false;
        }

        // Yield rather than sleep: a sleep lasts a millisecond, longer than the whole wait may.
        spinner.SpinOnce(sleep1Threshold: -1);
        return true;
    }
}
