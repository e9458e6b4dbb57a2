namespace Hierarchy.Grains.Tests.CallChains;

/// <summary>An ordinary, non-reentrant grain: a call back into it while it waits could only time out.</summary>
[GrainType(TypeName)]
public sealed class CycleGrain : Grain, ICycleGrain
{
    public const string TypeName = "cycle";

    private readonly CycleSteps steps;

    public CycleGrain(IGrainFactory grains) => steps = new CycleSteps(this, grains);

    public Task<string> CallAsync(Hop[] path) => steps.FollowAsync(path);

    public Task<string> ReadAsync(Hop[] path) => steps.FollowAsync(path);

    public Task<string> InterleaveAsync(Hop[] path) => steps.FollowAsync(path);

    public Task OneWayAsync(Hop[] path) => steps.FollowLaterAsync(path);

    public Task<string[]> EachAsync(Hop[][] paths) => steps.EachAsync(paths);

    public Task<string?> LastOneWayAsync() => Task.FromResult(steps.LastOneWay);
}
