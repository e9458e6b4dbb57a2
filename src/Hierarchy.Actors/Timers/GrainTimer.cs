using Hierarchy.Actors.Runtime;

namespace Hierarchy.Actors.Timers;

/// <summary>
/// A timer whose ticks are queued as requests of its activation, so a callback never runs beside another turn.
/// A tick is skipped while the previous one is still queued or running, and ticks do not keep the grain alive.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly Activation activation;
    private readonly Func<CancellationToken, Task> callback;
    private readonly Timer timer;
    private readonly CancellationTokenSource stopping = new();
    private int tickPending;
    private int stopped;

    public GrainTimer(Activation activation, Func<CancellationToken, Task> callback)
    {
        this.activation = activation;
        this.callback = callback;
        timer = GrainRuntime.CreateUnflowedTimer(static s => ((GrainTimer)s!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        try
        {
            timer.Change(dueTime, period);
        }
        catch (ObjectDisposedException)
        {
            // Stopped by the activation's deactivation at the same moment; there is nothing left to change.
        }
    }

    public void Dispose()
    {
        Stop();
        activation.RemoveTimer(this);
    }

    internal void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        stopping.Cancel();
        timer.Dispose();
    }

    internal Task RunTickAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        return callback(stopping.Token);
    }

    internal void OnTickFinished() => Volatile.Write(ref tickPending, 0);

    private void OnTick()
    {
        if (stopping.IsCancellationRequested || Interlocked.Exchange(ref tickPending, 1) == 1)
        {
            return;
        }

        if (activation.Enqueue(new TimerTickRequest(this), callerMayRunIt: false) == EnqueueOutcome.Gone)
        {
            Stop();
        }
    }
}
