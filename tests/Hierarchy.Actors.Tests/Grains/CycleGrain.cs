namespace Hierarchy.Actors.Tests.Grains;

internal sealed class CycleGrain : Grain, ICycleGrain
{
    public async Task<int> Relay(string[] path) =>
        path.Length == 0 ? 0 : 1 + await GrainFactory.GetGrain<ICycleGrain>(path[0]).Relay(path[1..]);

    public async Task<int> ReadRelay(string[] path) =>
        path.Length == 0 ? 0 : 1 + await GrainFactory.GetGrain<ICycleGrain>(path[0]).ReadRelay(path[1..]);

    public async Task<int> ReadRelayThenWrite(string[] path) =>
        path.Length switch
        {
            0 => 0,
            1 => 1 + await GrainFactory.GetGrain<ICycleGrain>(path[0]).Relay([]),
            _ => 1 + await GrainFactory.GetGrain<ICycleGrain>(path[0]).ReadRelayThenWrite(path[1..]),
        };
}
