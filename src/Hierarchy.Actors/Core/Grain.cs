using Hierarchy.Actors.Runtime;
using Hierarchy.Actors.Timers;

namespace Hierarchy.Actors;

/// <summary>
/// Base class of every grain. The runtime constructs it through dependency injection, activates it on the first
/// call, runs its requests one turn at a time and deactivates it when idle.
/// </summary>
public abstract class Grain
{
    private Activation? activation;

    /// <summary>The identity of this activation's grain.</summary>
    public GrainId GrainId => Context.GrainId;

    public IGrainFactory GrainFactory => Context.Runtime;

    public IServiceProvider ServiceProvider => Context.Runtime.Services;

    internal Activation Context => activation ?? throw new InvalidOperationException("The grain is not attached to an activation yet; use OnActivateAsync instead of the constructor.");

    internal void Attach(Activation owner) => activation = owner;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks the runtime to deactivate this grain once the current request completes.</summary>
    protected void DeactivateOnIdle() => Context.RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>Registers a timer whose callbacks run as turns of this grain; it stops when the grain deactivates.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(callback, dueTime, period);

    /// <summary>Registers a timer with a state argument; see <see cref="RegisterGrainTimer(Func{CancellationToken, Task}, TimeSpan, TimeSpan)"/>.</summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(ct => callback(state, ct), dueTime, period);
}
