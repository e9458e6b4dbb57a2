using System.Diagnostics;

namespace Hierarchy.Actors.Runtime;

/// <summary>
/// A message to an activation: a grain call, a timer tick or a wake-up, with what the scheduler needs to admit it.
/// The request is also the synchronization context of its own turn (see <see cref="ActivationSynchronizationContext"/>).
/// </summary>
internal abstract class Request : ActivationSynchronizationContext
{
    private int finished;

    /// <summary>The turn that made this call and waits for it; follows the call chain for cycle detection.</summary>
    public Request? Caller { get; set; }

    /// <summary>When the request was queued, in <see cref="Environment.TickCount64"/> milliseconds, for timeouts.</summary>
    public long EnqueuedAt { get; set; }

    /// <summary>A precise <see cref="Stopwatch"/> timestamp of queuing, taken only while call durations are measured.</summary>
    public long QueuedTimestamp { get; set; }

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
    public bool IsFinished => Volatile.Read(ref finished) != 0;

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

    protected bool MarkFinished() => Interlocked.Exchange(ref finished, 1) == 0;

    /// <summary>Completes caller-visible work without letting a synchronous caller continuation run inside the grain's context.</summary>
    protected static void OutsideGrainContext<TState>(Action<TState> action, TState state)
    {
        var context = Current;
        if (context is null)
        {
            action(state);
            return;
        }

        SetSynchronizationContext(null);
        try
        {
            action(state);
        }
        finally
        {
            SetSynchronizationContext(context);
        }
    }
}
