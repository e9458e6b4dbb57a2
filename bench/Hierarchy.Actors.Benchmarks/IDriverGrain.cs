namespace Hierarchy.Actors.Benchmarks;

/// <summary>Calls bench grains from inside its own turn, so every call takes the queued grain-to-grain path.</summary>
public interface IDriverGrain : IGrainWithStringKey
{
    Task<long> Drive(int first, int count, int grains);
}
