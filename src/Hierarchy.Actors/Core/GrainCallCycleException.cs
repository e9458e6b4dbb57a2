namespace Hierarchy.Actors;

/// <summary>
/// A call would wait on a grain that is itself waiting on the caller (A → B → A on non-reentrant grains).
/// Orleans lets such a cycle hang until the call times out; this runtime fails it at once.
/// </summary>
public sealed class GrainCallCycleException(IReadOnlyList<GrainId> cycle)
    : Exception("Call cycle detected: " + string.Join(" → ", cycle) + ". The target grain is not reentrant and is waiting for this call chain.")
{
    public IReadOnlyList<GrainId> Cycle { get; } = cycle;
}
