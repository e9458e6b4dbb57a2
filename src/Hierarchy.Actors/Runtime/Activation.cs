using System.Diagnostics;
using Hierarchy.Actors.Persistence;
using Hierarchy.Actors.Timers;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Actors.Runtime;

/// <summary>
/// The single in-memory instance of one grain. It admits requests one at a time (or interleaved where the grain says
/// so), runs all of the grain's code through its own queue so no two pieces ever run at once, activates the grain
/// on the first request and deactivates it when idle or asked.
/// </summary>
internal sealed class Activation : IThreadPoolWorkItem
{
    private const int TurnBudget = 64;

    private static readonly SendOrPostCallback StartRequestCallback = static state => ((Request)state!).Target!.StartRequest((Request)state);

    private readonly Lock gate = new();
    private readonly Queue<Request> inbox = new();
    private readonly List<Request> running = new(1);
    private readonly Queue<(SendOrPostCallback Callback, object? State)> work = new();
    private readonly ActivationSynchronizationContext context;
    private readonly TaskCompletionSource deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<GrainTimer>? timers;
    private ActivationState state;
    private bool executing;
    private bool deactivateWhenIdle;
    private DeactivationReason pendingReason;
    private Grain? grain;
    private long lastUsed;

    public Activation(GrainRuntime runtime, GrainClassInfo classInfo, GrainId grainId)
    {
        Runtime = runtime;
        ClassInfo = classInfo;
        GrainId = grainId;
        context = new ActivationSynchronizationContext(this);
        lastUsed = Stopwatch.GetTimestamp();
    }

    public GrainRuntime Runtime { get; }

    public GrainClassInfo ClassInfo { get; }

    public GrainId GrainId { get; }

    public Task Deactivated => deactivated.Task;

    public int InboxLength
    {
        get
        {
            lock (gate)
            {
                return inbox.Count;
            }
        }
    }

    /// <summary>Queues a request; false when this activation is gone and the caller must find the grain's new one.</summary>
    public bool Enqueue(Request request)
    {
        IReadOnlyList<GrainId>? cycle = null;
        lock (gate)
        {
            if (state == ActivationState.Invalid)
            {
                return false;
            }

            request.Target = this;
            request.EnqueuedAt = Stopwatch.GetTimestamp();
            if (state == ActivationState.Valid && request.AlwaysInterleave)
            {
                AdmitLocked(request);
                return true;
            }

            if (!ClassInfo.IsReentrant && request.Caller is not null)
            {
                cycle = FindCycleLocked(request);
            }

            if (cycle is null)
            {
                inbox.Enqueue(request);
                if (state == ActivationState.Created)
                {
                    state = ActivationState.Activating;
                    PostLocked(static s => _ = ((Activation)s!).ActivateAsync(), this);
                }
                else if (state == ActivationState.Valid)
                {
                    TryAdmitLocked();
                }
            }
        }

        if (cycle is not null)
        {
            Runtime.Telemetry.CallCycles.Add(1);
            request.TryFail(new GrainCallCycleException(cycle));
        }

        return true;
    }

    /// <summary>Queues a piece of the grain's code; all pieces run one at a time on the thread pool.</summary>
    public void Post(SendOrPostCallback callback, object? callbackState)
    {
        lock (gate)
        {
            PostLocked(callback, callbackState);
        }
    }

    public void Execute()
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            for (var i = 0; i < TurnBudget; i++)
            {
                (SendOrPostCallback Callback, object? State) item;
                lock (gate)
                {
                    if (!work.TryDequeue(out item))
                    {
                        executing = false;
                        return;
                    }
                }

                try
                {
                    item.Callback(item.State);
                }
                catch (Exception e)
                {
                    Runtime.Logger.LogError(e, "Unhandled exception in a turn of {GrainId}", GrainId);
                }
            }

            // Out of budget: yield the thread so one busy grain cannot starve the others.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    public void OnRequestFinished(Request request, Exception? error)
    {
        Runtime.Telemetry.RecordCallFinished(request);
        lock (gate)
        {
            running.Remove(request);
            if (request is not TimerTickRequest)
            {
                lastUsed = Stopwatch.GetTimestamp();
            }

            if (deactivateWhenIdle && running.Count == 0)
            {
                BeginDeactivationLocked(pendingReason);
            }
            else
            {
                TryAdmitLocked();
            }
        }

        if (error is not null && (request.IsOneWay || request is TimerTickRequest))
        {
            Runtime.Logger.LogWarning(error, "{Request} on {GrainId} failed with no caller waiting", request.Name, GrainId);
        }
    }

    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (gate)
        {
            if (state != ActivationState.Valid)
            {
                return;
            }

            if (running.Count == 0)
            {
                BeginDeactivationLocked(reason);
            }
            else
            {
                deactivateWhenIdle = true;
                pendingReason = reason;
            }
        }
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback);
        lock (gate)
        {
            if (state is ActivationState.Invalid)
            {
                throw new InvalidOperationException($"{GrainId} is no longer active.");
            }

            (timers ??= []).Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (gate)
        {
            timers?.Remove(timer);
        }
    }

    /// <summary>Fails callers that have waited longer than the response timeout; the grain itself runs on.</summary>
    public void SweepTimeouts(long now, long timeoutTicks, TimeSpan timeout, List<Request> expired)
    {
        lock (gate)
        {
            foreach (var request in running)
            {
                if (IsExpired(request, now, timeoutTicks))
                {
                    expired.Add(request);
                }
            }

            foreach (var request in inbox)
            {
                if (IsExpired(request, now, timeoutTicks))
                {
                    expired.Add(request);
                }
            }
        }

        foreach (var request in expired)
        {
            if (request.TryFail(new TimeoutException($"{request.Name} on {GrainId} did not complete within {timeout}.")))
            {
                Runtime.Telemetry.CallTimeouts.Add(1);
            }
        }

        expired.Clear();
    }

    public void CollectIfIdle(long now, long ageTicks)
    {
        lock (gate)
        {
            if (state == ActivationState.Valid && running.Count == 0 && inbox.Count == 0 && now - lastUsed > ageTicks)
            {
                BeginDeactivationLocked(DeactivationReason.IdleCollection);
            }
        }
    }

    private static bool IsExpired(Request request, long now, long timeoutTicks) =>
        !request.IsOneWay && request is not TimerTickRequest && !request.IsAnswered && now - request.EnqueuedAt > timeoutTicks;

    private void PostLocked(SendOrPostCallback callback, object? callbackState)
    {
        work.Enqueue((callback, callbackState));
        if (!executing)
        {
            executing = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void TryAdmitLocked()
    {
        if (state != ActivationState.Valid)
        {
            return;
        }

        while (inbox.TryPeek(out var next))
        {
            if (!CanAdmitLocked(next))
            {
                return;
            }

            inbox.Dequeue();
            if (next.IsAnswered && !next.IsOneWay && next is not TimerTickRequest)
            {
                // The caller timed out while this waited; running it now would only add load.
                continue;
            }

            AdmitLocked(next);
        }
    }

    private bool CanAdmitLocked(Request request)
    {
        if (running.Count == 0)
        {
            return true;
        }

        if (ClassInfo.IsReentrant || request.AlwaysInterleave)
        {
            return true;
        }

        if (!request.IsReadOnly)
        {
            return false;
        }

        foreach (var other in running)
        {
            if (!other.IsReadOnly && !other.AlwaysInterleave)
            {
                return false;
            }
        }

        return true;
    }

    private void AdmitLocked(Request request)
    {
        running.Add(request);
        PostLocked(StartRequestCallback, request);
    }

    private List<GrainId>? FindCycleLocked(Request request)
    {
        var path = new List<GrainId>();
        for (var caller = request.Caller; caller is not null; caller = caller.Caller)
        {
            if (caller.Target is null)
            {
                continue;
            }

            path.Add(caller.Target.GrainId);
            if (caller.Target == this && !caller.IsFinished)
            {
                if (caller.IsReadOnly && request.IsReadOnly)
                {
                    return null;
                }

                path.Reverse();
                path.Add(GrainId);
                return path;
            }
        }

        return null;
    }

    private void StartRequest(Request request)
    {
        var previousRequest = RuntimeContext.CurrentRequest;
        var previousActivity = Activity.Current;
        RuntimeContext.CurrentRequest = request.IsOneWay || request is TimerTickRequest ? null : request;
        if (request.Activity is not null)
        {
            Activity.Current = request.Activity;
        }

        try
        {
            Runtime.Telemetry.RecordCallStarted(request);
            request.Start(this, grain!);
        }
        finally
        {
            RuntimeContext.CurrentRequest = previousRequest;
            if (request.Activity is not null)
            {
                Activity.Current = previousActivity;
            }
        }
    }

    private async Task ActivateAsync()
    {
        try
        {
            var (instance, loaders) = Runtime.Activator.Create(ClassInfo, this);
            grain = instance;
            foreach (var loader in loaders)
            {
                await loader.ReadStateAsync();
            }

            using var cancellation = new CancellationTokenSource(Runtime.Options.ResponseTimeout);
            await instance.OnActivateAsync(cancellation.Token);
            lock (gate)
            {
                state = ActivationState.Valid;
                lastUsed = Stopwatch.GetTimestamp();
                TryAdmitLocked();
            }

            Runtime.Telemetry.ActivationsCreated.Add(1);
        }
        catch (Exception e)
        {
            Runtime.Logger.LogWarning(e, "Activation of {GrainId} failed", GrainId);
            List<Request> failed;
            lock (gate)
            {
                state = ActivationState.Invalid;
                failed = [.. inbox];
                inbox.Clear();
            }

            DisposeTimers();
            Runtime.Remove(this);
            deactivated.TrySetResult();
            Runtime.Telemetry.ActivationFailures.Add(1);
            foreach (var request in failed)
            {
                request.TryFail(e);
                Runtime.Telemetry.RecordCallFailedBeforeStart(request);
            }
        }
    }

    private void BeginDeactivationLocked(DeactivationReason reason)
    {
        if (state != ActivationState.Valid)
        {
            return;
        }

        state = ActivationState.Deactivating;
        deactivateWhenIdle = false;
        PostLocked(static s => _ = ((Activation)((object[])s!)[0]).DeactivateAsync((DeactivationReason)((object[])s!)[1]), new object[] { this, reason });
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(Runtime.Options.ResponseTimeout);
            await grain!.OnDeactivateAsync(reason, cancellation.Token);
        }
        catch (Exception e)
        {
            Runtime.Logger.LogWarning(e, "OnDeactivateAsync of {GrainId} failed", GrainId);
        }

        DisposeTimers();
        List<Request> orphans;
        lock (gate)
        {
            state = ActivationState.Invalid;
            orphans = [.. inbox];
            inbox.Clear();
        }

        Runtime.Remove(this);
        deactivated.TrySetResult();

        // Requests that arrived while the grain was deactivating go to its next activation.
        foreach (var request in orphans)
        {
            Runtime.Redispatch(request);
        }
    }

    private void DisposeTimers()
    {
        List<GrainTimer>? toDispose;
        lock (gate)
        {
            toDispose = timers;
            timers = null;
        }

        if (toDispose is not null)
        {
            foreach (var timer in toDispose)
            {
                timer.Stop();
            }
        }
    }
}
