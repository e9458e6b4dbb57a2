namespace Hierarchy.Actors.Runtime;

/// <summary>
/// The turn in which an activation runs OnActivateAsync or OnDeactivateAsync. It is never queued; it exists so calls
/// made from those methods carry a caller, and a call back into the activating grain is seen as the cycle it is.
/// </summary>
internal sealed class LifecycleTurn : Request
{
    public LifecycleTurn(Activation activation, string name, Request? trigger)
    {
        Target = activation;
        Name = name;

        // The call that caused the activation waits for it, so the chain continues through that call.
        Caller = trigger?.Caller;
    }

    public override string Name { get; }

    public override bool IsAnswered => IsFinished;

    public override void Start(object grain) => throw new InvalidOperationException("A lifecycle turn is never queued.");

    public override bool TryFail(Exception exception) => false;

    public void Finish() => MarkFinished();
}
