namespace Hierarchy.Actors.Runtime;

/// <summary>
/// Sends every continuation of grain code back to its activation's queue, so an activation's code runs one piece at
/// a time even when requests interleave (the role of Orleans' ActivationTaskScheduler).
/// </summary>
internal sealed class ActivationSynchronizationContext(Activation activation) : SynchronizationContext
{
    public Activation Activation { get; } = activation;

    public override void Post(SendOrPostCallback d, object? state) => Activation.Post(d, state);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous sends into a grain would block its turn; await the grain call instead.");

    public override SynchronizationContext CreateCopy() => this;
}
