namespace Hierarchy.Actors.Runtime;

/// <summary>
/// Sends every continuation of grain code back to its activation's queue, so an activation's code runs one piece at
/// a time even when requests interleave (the role of Orleans' ActivationTaskScheduler).
/// </summary>
/// <remarks>
/// Each turn (a request, or the activation's own OnActivateAsync / OnDeactivateAsync) is its own context. Code that
/// runs in a turn therefore knows which turn it belongs to from <see cref="SynchronizationContext.Current"/>, which
/// is how a grain call learns its caller for cycle detection without an AsyncLocal write per call.
/// </remarks>
internal abstract class ActivationSynchronizationContext : SynchronizationContext
{
    /// <summary>The activation the turn runs on, once known.</summary>
    public Activation? Target { get; set; }

    public override void Post(SendOrPostCallback d, object? state) => Target!.Post(d, state, this);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous sends into a grain would block its turn; await the grain call instead.");

    public override SynchronizationContext CreateCopy() => this;
}
