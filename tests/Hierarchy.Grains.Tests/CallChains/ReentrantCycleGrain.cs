using Orleans.Concurrency;

namespace Hierarchy.Grains.Tests.CallChains;

/// <summary>A [Reentrant] grain: Orleans lets a call back into it run while it waits, so no cycle through it is refused.</summary>
[Reentrant]
[GrainType(TypeName)]
public sealed class ReentrantCycleGrain : Grain, ICycleGrain
{
    public const string TypeName = "cycle-reentrant";

    private readonly CycleSteps steps;

    public ReentrantCycleGrain(IGrainFactory grains) => steps = new CycleSteps(this, grains);

    public Task<string> CallAsync(Hop[] path) => steps.FollowAsync(path);

    public Task<string> ReadAsync(Hop[] path) => steps.FollowAsync(path);

    public Task<string> InterleaveAsync(Hop[] path) => steps.FollowAsync(path);

    public Task OneWayAsync(Hop[] path) => steps.FollowLaterAsync(path);

    public Task<string[]> EachAsync(Hop[][] paths) => steps.EachAsync(paths);

    public Task<string?> LastOneWayAsync() => Task.FromResult(steps.LastOneWay);
}
