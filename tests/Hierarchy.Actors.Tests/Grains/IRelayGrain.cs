namespace Hierarchy.Actors.Tests.Grains;

/// <summary>Calls another grain from inside its turn, for telemetry's parent/child links.</summary>
public interface IRelayGrain : IGrainWithStringKey
{
    Task<int> CallTurnGrain(string key);
}
