using System.Diagnostics;

namespace Hierarchy.Actors.Runtime;

/// <summary>A message to an activation: a grain call or a timer tick, with what the scheduler needs to admit it.</summary>
internal abstract class Request
{
    private int finished;

    /// <summary>The request whose turn made this call; follows the call chain for cycle detection.</summary>
    public Request? Caller { get; set; }

    /// <summary>The activation the request was dispatched to, once known.</summary>
    public Activation? Target { get; set; }

    public long EnqueuedAt { get; set; }

    public Activity? Activity { get; set; }

    public abstract string Name { get; }

    public abstract bool IsReadOnly { get; }

    public abstract bool AlwaysInterleave { get; }

    public abstract bool IsOneWay { get; }

    /// <summary>True once the request ran to completion (or failed) on its activation.</summary>
    public bool IsFinished => Volatile.Read(ref finished) != 0;

    /// <summary>True once the caller has its answer, which may be before <see cref="IsFinished"/> when the call timed out.</summary>
    public abstract bool IsAnswered { get; }

    /// <summary>Runs the request on the activation's turn; the activation learns of completion through <see cref="Activation.OnRequestFinished"/>.</summary>
    public abstract void Start(Activation activation, object grain);

    /// <summary>Answers the caller with an exception; false when it already had an answer.</summary>
    public abstract bool TryFail(Exception exception);

    protected bool MarkFinished() => Interlocked.Exchange(ref finished, 1) == 0;

    /// <summary>Completes caller-visible work without letting a synchronous caller continuation run inside the grain's context.</summary>
    protected static void OutsideGrainContext<TState>(Action<TState> action, TState state)
    {
        var context = SynchronizationContext.Current;
        if (context is null)
        {
            action(state);
            return;
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
