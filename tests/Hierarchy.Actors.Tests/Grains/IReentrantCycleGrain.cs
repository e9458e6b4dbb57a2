namespace Hierarchy.Actors.Tests.Grains;

public interface IReentrantCycleGrain : IGrainWithStringKey
{
    Task<int> Relay(string[] path);
}
