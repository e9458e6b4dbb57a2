using Hierarchy.Actors.Concurrency;

namespace Hierarchy.Actors.Tests.Grains;

[Reentrant]
internal sealed class ReentrantCycleGrain : Grain, IReentrantCycleGrain
{
    public async Task<int> Relay(string[] path) =>
        path.Length == 0 ? 0 : 1 + await GrainFactory.GetGrain<IReentrantCycleGrain>(path[0]).Relay(path[1..]);
}
