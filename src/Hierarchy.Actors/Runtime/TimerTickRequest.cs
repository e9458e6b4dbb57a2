using Hierarchy.Actors.Timers;

namespace Hierarchy.Actors.Runtime;

/// <summary>A grain timer's tick, run as an ordinary non-interleaving turn of its activation.</summary>
internal sealed class TimerTickRequest(GrainTimer timer) : Request
{
    private Task? pending;

    public override string Name => "Timer";

    public override bool HasWaitingCaller => false;

    public override bool KeepsAlive => false;

    // A tick belongs to the timer of one activation; the next activation registers its own timers.
    public override bool FollowsGrain => false;

    public override bool IsAnswered => IsFinished;

    public override void Start(object grain)
    {
        Task task;
        try
        {
            task = timer.RunTickAsync();
        }
        catch (Exception e)
        {
            Finish(e);
            return;
        }

        if (task.IsCompleted)
        {
            Finish(task.Exception?.InnerException);
            return;
        }

        pending = task;
        task.GetAwaiter().UnsafeOnCompleted(OnPendingCompleted);
    }

    public override bool TryFail(Exception exception)
    {
        timer.OnTickFinished();
        return false;
    }

    private void OnPendingCompleted() => Finish(pending!.Exception?.InnerException);

    private void Finish(Exception? error)
    {
        if (MarkFinished())
        {
            timer.OnTickFinished();
            Target!.OnRequestFinished(this, error);
        }
    }
}
