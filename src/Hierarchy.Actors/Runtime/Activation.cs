using System.Diagnostics;
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

    private static readonly SendOrPostCallback StartRequestCallback = static state =>
    {
        var request = (Request)state!;
        request.Target!.StartRequest(request);
    };

    private static readonly SendOrPostCallback ActivateCallback = static state =>
    {
        var turn = (LifecycleTurn)state!;
        _ = turn.Target!.ActivateAsync(turn);
    };

    private static readonly SendOrPostCallback DeactivateCallback = static state =>
    {
        var turn = (LifecycleTurn)state!;
        _ = turn.Target!.DeactivateAsync(turn);
    };

    /// <summary>How many activation turns the current thread is inside; callers inside a turn never run another grain inline.</summary>
    [ThreadStatic]
    private static int turnDepth;

    private readonly Lock gate = new();
    private readonly Queue<Request> inbox = new();
    private readonly List<Request> running = [];
    private readonly Queue<WorkItem> work = new();
    private List<GrainTimer>? timers;
    private TaskCompletionSource? deactivated;
    private ActivationState state;
    private bool executing;
    private bool aborted;
    private DeactivationReason? pendingDeactivation;
    private Grain? grain;
    private long lastUsed;

    public Activation(GrainRuntime runtime, GrainClassInfo classInfo, GrainId grainId)
    {
        Runtime = runtime;
        ClassInfo = classInfo;
        GrainId = grainId;
        lastUsed = Environment.TickCount64;
    }

    public GrainRuntime Runtime { get; }

    public GrainClassInfo ClassInfo { get; }

    public GrainId GrainId { get; }

    /// <summary>True while the current thread runs some activation's turn.</summary>
    public static bool IsInTurn => turnDepth > 0;

    /// <summary>Completes once the activation is gone (deactivated, failed to activate, or aborted).</summary>
    public Task Deactivated
    {
        get
        {
            lock (gate)
            {
                if (state == ActivationState.Invalid)
                {
                    return Task.CompletedTask;
                }

                deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return deactivated.Task;
            }
        }
    }

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

    /// <summary>
    /// Takes a request. A caller outside any grain turn may be told to run it on its own thread at once when the
    /// activation is idle: that skips a thread-pool hop, and a method that completes synchronously then costs no
    /// more than the bookkeeping.
    /// </summary>
    public EnqueueOutcome Enqueue(Request request, bool callerMayRunIt)
    {
        List<GrainId>? cycle = null;
        lock (gate)
        {
            if (state == ActivationState.Invalid)
            {
                return EnqueueOutcome.Gone;
            }

            request.Target = this;
            request.MarkEnqueued(precise: Runtime.Telemetry.CallDuration.Enabled);

            if (state == ActivationState.Valid)
            {
                if (callerMayRunIt && !executing && running.Count == 0 && inbox.Count == 0 && pendingDeactivation is null)
                {
                    running.Add(request);
                    executing = true;
                    return EnqueueOutcome.RunInline;
                }

                if (request.AlwaysInterleave)
                {
                    request.Publish();
                    AdmitLocked(request);
                    return EnqueueOutcome.Queued;
                }
            }

            request.Publish();
            if (request.Caller is not null)
            {
                cycle = FindCycleLocked(request);
            }

            if (cycle is null)
            {
                inbox.Enqueue(request);
                if (state == ActivationState.Created)
                {
                    state = ActivationState.Activating;
                    var turn = new LifecycleTurn(this, "OnActivateAsync", request);
                    PostLocked(ActivateCallback, turn, turn, preferLocal: true);
                }
                else
                {
                    TryAdmitLocked();
                }

                return EnqueueOutcome.Queued;
            }
        }

        Runtime.Telemetry.CallCycles.Add(1);
        request.Abandon();
        request.TryFail(new GrainCallCycleException(cycle));
        Runtime.Telemetry.RecordCallFailedBeforeStart(request);
        return EnqueueOutcome.Queued;
    }

    /// <summary>Runs a request admitted by <see cref="Enqueue"/> with <see cref="EnqueueOutcome.RunInline"/> on the caller's thread.</summary>
    public void RunInline(Request request)
    {
        var callerContext = SynchronizationContext.Current;
        var callerFlow = ExecutionContext.Capture()!;

        // The grain runs as it would on its own turn: none of the caller's async-local values, its request as context.
        ExecutionContext.Restore(CleanFlow.Context);
        SynchronizationContext.SetSynchronizationContext(request);
        turnDepth++;
        try
        {
            StartRequest(request);
        }
        catch (Exception e)
        {
            Runtime.Logger.LogError(e, "Unhandled exception in a turn of {GrainId}", GrainId);
        }
        finally
        {
            turnDepth--;
            SynchronizationContext.SetSynchronizationContext(callerContext);
            ExecutionContext.Restore(callerFlow);
        }

        lock (gate)
        {
            if (!request.IsFinished)
            {
                // The rest of the request runs on the activation's turn; from now on other threads may answer it.
                request.Publish();
            }

            if (work.Count == 0)
            {
                executing = false;
            }
            else
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }
        }
    }

    /// <summary>Queues a piece of the grain's code; all pieces run one at a time on the thread pool.</summary>
    public void Post(SendOrPostCallback callback, object? callbackState, ActivationSynchronizationContext turn)
    {
        lock (gate)
        {
            PostLocked(callback, callbackState, turn, preferLocal: true);
        }
    }

    public void Execute()
    {
        var baseline = ExecutionContext.Capture();
        turnDepth++;
        try
        {
            for (var i = 0; i < TurnBudget; i++)
            {
                WorkItem item;
                lock (gate)
                {
                    if (!work.TryDequeue(out item))
                    {
                        executing = false;
                        return;
                    }
                }

                SynchronizationContext.SetSynchronizationContext(item.Turn);
                try
                {
                    item.Callback(item.State);
                }
                catch (Exception e)
                {
                    Runtime.Logger.LogError(e, "Unhandled exception in a turn of {GrainId}", GrainId);
                }

                // Synchronous grain code may have set async-local values; they must not leak into the next turn.
                if (baseline is not null && ExecutionContext.Capture() != baseline)
                {
                    ExecutionContext.Restore(baseline);
                }
            }

            // Out of budget: yield the thread so one busy grain cannot starve the others.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
            turnDepth--;
        }
    }

    public void OnRequestFinished(Request request, Exception? error)
    {
        Runtime.Telemetry.RecordCallFinished(request);
        lock (gate)
        {
            running.Remove(request);
            if (request.KeepsAlive)
            {
                lastUsed = Environment.TickCount64;
            }

            AfterTurnLocked();
        }

        if (error is not null && !request.HasWaitingCaller)
        {
            Runtime.Logger.LogWarning(error, "{Request} on {GrainId} failed with no caller waiting", request.Name, GrainId);
        }
    }

    public void RequestDeactivation(DeactivationReason reason)
    {
        List<GrainTimer>? stopped = null;
        lock (gate)
        {
            if (state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                return;
            }

            // Shutting down wins over a reason given earlier: it drains the inbox instead of forwarding it.
            if (pendingDeactivation is null || reason == DeactivationReason.ShuttingDown)
            {
                pendingDeactivation = reason;
            }

            if (reason == DeactivationReason.ShuttingDown)
            {
                stopped = timers;
                timers = null;
            }

            if (state == ActivationState.Valid)
            {
                AfterTurnLocked();
            }
        }

        StopTimers(stopped);
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback);
        lock (gate)
        {
            if (state is ActivationState.Invalid || pendingDeactivation == DeactivationReason.ShuttingDown)
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

    /// <summary>
    /// Fails callers that have waited longer than the response timeout (the grain itself runs on), and starts
    /// deactivating the activation when it has been idle for longer than the collection age.
    /// </summary>
    public void Sweep(long now, long timeoutMilliseconds, long ageMilliseconds, List<Request> expired)
    {
        lock (gate)
        {
            if (running.Count == 0 && inbox.Count == 0)
            {
                if (state == ActivationState.Valid && pendingDeactivation is null && now - lastUsed > ageMilliseconds)
                {
                    BeginDeactivationLocked(DeactivationReason.IdleCollection);
                }
                else
                {
                    TrimLocked();
                }

                return;
            }

            foreach (var request in running)
            {
                if (IsExpired(request, now, timeoutMilliseconds))
                {
                    expired.Add(request);
                }
            }

            foreach (var request in inbox)
            {
                if (IsExpired(request, now, timeoutMilliseconds))
                {
                    expired.Add(request);
                }
            }
        }

        foreach (var request in expired)
        {
            if (request.TryFail(new TimeoutException($"{request.Name} on {GrainId} did not complete within {TimeSpan.FromMilliseconds(timeoutMilliseconds)}.")))
            {
                Runtime.Telemetry.CallTimeouts.Add(1);
            }
        }

        expired.Clear();
    }

    /// <summary>
    /// Drops the activation at once, as if its process died: no OnDeactivateAsync, no further piece of its code
    /// (continuations included) runs, and waiting callers fail.
    /// </summary>
    public void Abort()
    {
        List<Request> orphans;
        List<GrainTimer>? stopped;
        lock (gate)
        {
            if (state == ActivationState.Invalid)
            {
                return;
            }

            state = ActivationState.Invalid;
            aborted = true;
            orphans = [.. running, .. inbox];
            inbox.Clear();
            work.Clear();
            stopped = timers;
            timers = null;
        }

        StopTimers(stopped);
        SignalDeactivated();
        foreach (var request in orphans)
        {
            // A request its caller's thread is still running inline is answered by that thread.
            if (request.IsPublished)
            {
                request.TryFail(new InvalidOperationException($"The silo hosting {GrainId} stopped before {request.Name} completed."));
            }
        }
    }

    /// <summary>An idle activation gives back queue space a burst of requests left behind; idle grains are most of memory.</summary>
    private void TrimLocked()
    {
        const int Keep = 16;
        if (inbox.EnsureCapacity(0) > Keep)
        {
            inbox.TrimExcess();
        }

        if (work.Count == 0 && work.EnsureCapacity(0) > Keep)
        {
            work.TrimExcess();
        }

        if (running.Capacity > Keep)
        {
            running.TrimExcess();
        }
    }

    private static bool IsExpired(Request request, long now, long timeoutMilliseconds) =>
        request.HasWaitingCaller && request.IsPublished && !request.IsAnswered && request.WaitedMilliseconds(now) > timeoutMilliseconds;

    private static void StopTimers(List<GrainTimer>? stopped)
    {
        if (stopped is null)
        {
            return;
        }

        foreach (var timer in stopped)
        {
            timer.Stop();
        }
    }

    private void PostLocked(SendOrPostCallback callback, object? callbackState, ActivationSynchronizationContext turn, bool preferLocal)
    {
        if (aborted)
        {
            // Killed: none of the grain's code runs any more, as if its process had died.
            return;
        }

        work.Enqueue(new WorkItem(callback, callbackState, turn));
        if (!executing)
        {
            executing = true;

            // Preferring the local queue keeps a grain-to-grain call on the caller's core; idle threads steal it.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal);
        }
    }

    /// <summary>After a turn ends or a deactivation is asked for: admit what may run, or start deactivating once idle.</summary>
    private void AfterTurnLocked()
    {
        if (state != ActivationState.Valid)
        {
            return;
        }

        TryAdmitLocked();
        if (pendingDeactivation is { } reason && running.Count == 0 && (reason != DeactivationReason.ShuttingDown || inbox.Count == 0))
        {
            BeginDeactivationLocked(reason);
        }
    }

    private void TryAdmitLocked()
    {
        // Asked to deactivate: what is queued goes to the next activation, except at shutdown, which drains it here.
        if (state != ActivationState.Valid || pendingDeactivation is { } reason && reason != DeactivationReason.ShuttingDown)
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
            if (next.HasWaitingCaller && next.IsAnswered)
            {
                // The caller timed out while this waited; running it now would only add load.
                next.Abandon();
                continue;
            }

            AdmitLocked(next);
        }
    }

    private bool CanAdmitLocked(Request request)
    {
        if (running.Count == 0 || ClassInfo.IsReentrant || request.AlwaysInterleave)
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
        PostLocked(StartRequestCallback, request, request, preferLocal: true);
    }

    /// <summary>
    /// Walks the call chain of an incoming request. If it passes through an unfinished turn of this activation that
    /// the request would have to wait for, the calls wait on each other and none can ever finish: a cycle.
    /// </summary>
    private List<GrainId>? FindCycleLocked(Request request)
    {
        for (var caller = request.Caller; caller is not null; caller = caller.Caller)
        {
            if (caller.Target != this || caller.IsFinished || !WouldWaitFor(caller, request))
            {
                continue;
            }

            var path = new List<GrainId>();
            for (var link = request.Caller; link != caller; link = link!.Caller)
            {
                if (link!.Target is { } target)
                {
                    path.Add(target.GrainId);
                }
            }

            path.Add(GrainId);
            path.Reverse();
            path.Add(GrainId);
            return path;
        }

        return null;
    }

    private bool WouldWaitFor(Request turn, Request request)
    {
        if (turn is LifecycleTurn)
        {
            // Nothing is admitted until OnActivateAsync / OnDeactivateAsync completes, reentrant or not.
            return true;
        }

        if (ClassInfo.IsReentrant || request.AlwaysInterleave)
        {
            return false;
        }

        // Two read-only requests may run together, unless something queued ahead would hold the new one back.
        return !(turn.IsReadOnly && request.IsReadOnly && inbox.Count == 0 && CanAdmitLocked(request));
    }

    private void StartRequest(Request request)
    {
        var activity = request.Activity;
        var previousActivity = activity is null ? null : Activity.Current;
        if (activity is not null)
        {
            Activity.Current = activity;
        }

        try
        {
            Runtime.Telemetry.RecordCallStarted(request);
            request.Start(grain!);
        }
        finally
        {
            if (activity is not null)
            {
                Activity.Current = previousActivity;
            }
        }
    }

    private async Task ActivateAsync(LifecycleTurn turn)
    {
        try
        {
            var (instance, loaders) = Runtime.Activator.Create(ClassInfo, this);
            grain = instance;
            foreach (var loader in loaders)
            {
                await loader.ReadStateAsync();
            }

            if (ClassInfo.HasOnActivate)
            {
                using var cancellation = new CancellationTokenSource(Runtime.Options.ResponseTimeout);
                await instance.OnActivateAsync(cancellation.Token);
            }

            turn.Finish();
            lock (gate)
            {
                if (state == ActivationState.Activating)
                {
                    state = ActivationState.Valid;
                    lastUsed = Environment.TickCount64;
                    AfterTurnLocked();
                }
            }

            Runtime.Telemetry.ActivationsCreated.Add(1);
        }
        catch (Exception e)
        {
            turn.Finish();
            List<Request> failed;
            List<GrainTimer>? stopped;
            bool stopping;
            lock (gate)
            {
                stopping = pendingDeactivation == DeactivationReason.ShuttingDown;
                state = ActivationState.Invalid;
                failed = [.. inbox];
                inbox.Clear();
                stopped = timers;
                timers = null;
                grain = null;
            }

            if (stopping)
            {
                // A message reached a grain the shutdown had already deactivated; what it carried waits for the next start.
                Runtime.Logger.LogDebug("Activation of {GrainId} abandoned as the silo stops: {Reason}", GrainId, e.Message);
            }
            else
            {
                Runtime.Logger.LogWarning(e, "Activation of {GrainId} failed", GrainId);
            }

            StopTimers(stopped);
            Runtime.Remove(this);
            SignalDeactivated();
            Runtime.Telemetry.ActivationFailures.Add(1);
            foreach (var request in failed)
            {
                request.Abandon();
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
        pendingDeactivation = reason;
        var turn = new LifecycleTurn(this, "OnDeactivateAsync", null);
        PostLocked(DeactivateCallback, turn, turn, preferLocal: false);
    }

    private async Task DeactivateAsync(LifecycleTurn turn)
    {
        var reason = pendingDeactivation ?? DeactivationReason.ApplicationRequested;
        if (ClassInfo.HasOnDeactivate)
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
        }

        turn.Finish();
        List<Request> orphans;
        List<GrainTimer>? stopped;
        lock (gate)
        {
            state = ActivationState.Invalid;
            orphans = [.. inbox];
            inbox.Clear();
            stopped = timers;
            timers = null;
            grain = null;
        }

        StopTimers(stopped);
        Runtime.Remove(this);
        SignalDeactivated();

        // Requests that arrived while the grain was deactivating go to its next activation.
        foreach (var request in orphans)
        {
            if (request.FollowsGrain && !(request.HasWaitingCaller && request.IsAnswered))
            {
                Runtime.Redispatch(request);
            }
            else
            {
                request.Abandon();
                request.TryFail(new InvalidOperationException($"{GrainId} was deactivated before {request.Name} ran."));
            }
        }
    }

    private void SignalDeactivated()
    {
        TaskCompletionSource? completion;
        lock (gate)
        {
            completion = deactivated;
        }

        completion?.TrySetResult();
    }
}
