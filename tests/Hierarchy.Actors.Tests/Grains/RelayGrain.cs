namespace Hierarchy.Actors.Tests.Grains;

internal sealed class RelayGrain : Grain, IRelayGrain
{
    public Task<int> CallTurnGrain(string key) => GrainFactory.GetGrain<ITurnGrain>(key).Ping();
}
