namespace Hierarchy.Actors.Tests.Grains;

internal sealed class CycleGrain : Grain, ICycleGrain
{
    public async Task<int> Relay(string[] path) =>
        path.Length == 0 ? 0 : 1 + await GrainFactory.GetGrain<ICycleGrain>(path[0]).Relay(path[1..]);
}
