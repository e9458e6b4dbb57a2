using System.Diagnostics;

namespace Hierarchy.Actors.Runtime;

/// <summary>
/// A message to an activation: a grain call, a timer tick or a wake-up, with what the scheduler needs to admit it.
/// The request is also the synchronization context of its own turn (see <see cref="ActivationSynchronizationContext"/>).
/// </summary>
internal abstract class Request : ActivationSynchronizationContext
{
    protected const int FinishedFlag = 1;
    protected const int AnsweredFlag = 2;
    protected const int PublishedFlag = 4;
    protected const int AnsweredEarlyFlag = 8;
    private const int PreciseTimestampFlag = 16;

    // One word for every state bit, so a request stays small; bits are only ever set, never cleared.
    private int flags;
    private long enqueuedAt;

    /// <summary>The turn that made this call and waits for it; follows the call chain for cycle detection.</summary>
    public Request? Caller { get; set; }

    public Activity? Activity { get; set; }

    public abstract string Name { get; }

    public virtual bool IsReadOnly => false;

    public virtual bool AlwaysInterleave => false;

    public virtual bool IsOneWay => false;

    /// <summary>Whether a caller waits for an answer, so the call can time out and is dropped once answered.</summary>
    public virtual bool HasWaitingCaller => !IsOneWay;

    /// <summary>Whether running it counts as use of the grain (timer ticks do not keep a grain alive).</summary>
    public virtual bool KeepsAlive => true;

    /// <summary>Whether it follows its grain to the next activation when it arrived during deactivation.</summary>
    public virtual bool FollowsGrain => true;

    /// <summary>True once the request ran to completion (or failed) on its activation.</summary>
    public bool IsFinished => HasFlag(FinishedFlag);

    /// <summary>The request whose turn is running on this thread, if any.</summary>
    public static Request? CurrentRequest => Current as Request;

    /// <summary>True once the caller has its answer, which may be before <see cref="IsFinished"/> when the call timed out.</summary>
    public abstract bool IsAnswered { get; }

    /// <summary>
    /// Makes the caller's task before the request becomes visible to another thread. A request run inline by its
    /// caller's thread skips this when it completes at once, which is what makes such a call cheap.
    /// </summary>
    public virtual void Publish()
    {
    }

    /// <summary>Whether <see cref="Publish"/> ran, so that another thread may answer the request.</summary>
    public virtual bool IsPublished => true;

    /// <summary>Runs the request on the activation's turn; the activation learns of completion through <see cref="Activation.OnRequestFinished"/>.</summary>
    public abstract void Start(object grain);

    /// <summary>Marks a request that never ran as finished, so no call chain waits on it.</summary>
    public void Abandon() => MarkFinished();

    /// <summary>Answers the caller with an exception; false when it already had an answer.</summary>
    public abstract bool TryFail(Exception exception);

    /// <summary>
    /// Notes when the request was queued: a cheap millisecond tick count for timeouts, or a precise timestamp while
    /// call durations are measured (one field for both keeps the request small).
    /// </summary>
    public void MarkEnqueued(bool precise)
    {
        if (precise || HasFlag(PreciseTimestampFlag))
        {
            enqueuedAt = Stopwatch.GetTimestamp();
            TrySetFlag(PreciseTimestampFlag);
        }
        else
        {
            enqueuedAt = Environment.TickCount64;
        }
    }

    /// <summary>How long the request has waited since it was queued, given the current <see cref="Environment.TickCount64"/>.</summary>
    public long WaitedMilliseconds(long now) =>
        HasFlag(PreciseTimestampFlag) ? (long)Stopwatch.GetElapsedTime(enqueuedAt).TotalMilliseconds : now - enqueuedAt;

    /// <summary>The precise timestamp of queuing, when one was taken.</summary>
    public bool TryGetQueuedTimestamp(out long timestamp)
    {
        timestamp = enqueuedAt;
        return HasFlag(PreciseTimestampFlag);
    }

    protected bool MarkFinished() => TrySetFlag(FinishedFlag);

    protected bool HasFlag(int flag) => (Volatile.Read(ref flags) & flag) != 0;

    /// <summary>Sets a bit; true for the one caller that set it.</summary>
    protected bool TrySetFlag(int flag)
    {
        var current = Volatile.Read(ref flags);
        while ((current & flag) == 0)
        {
            var seen = Interlocked.CompareExchange(ref flags, current | flag, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }
}
