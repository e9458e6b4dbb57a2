using Hierarchy.Actors.Timers;

namespace Hierarchy.Actors.Runtime;

/// <summary>A grain timer's tick, run as an ordinary non-interleaving turn of its activation.</summary>
internal sealed class TimerTickRequest(GrainTimer timer) : Request
{
    private Task? pending;
    private Activation? runningOn;

    public override string Name => "Timer";

    public override bool IsReadOnly => false;

    public override bool AlwaysInterleave => false;

    public override bool IsOneWay => false;

    public override bool IsAnswered => IsFinished;

    public override void Start(Activation activation, object grain)
    {
        Task task;
        try
        {
            task = timer.RunTickAsync();
        }
        catch (Exception e)
        {
            Finish(activation, e);
            return;
        }

        if (task.IsCompleted)
        {
            Finish(activation, task.Exception?.InnerException);
            return;
        }

        runningOn = activation;
        pending = task;
        task.GetAwaiter().UnsafeOnCompleted(() => Finish(runningOn!, pending!.Exception?.InnerException));
    }

    public override bool TryFail(Exception exception) => false;

    private void Finish(Activation activation, Exception? error)
    {
        if (MarkFinished())
        {
            timer.OnTickFinished();
            activation.OnRequestFinished(this, error);
        }
    }
}
