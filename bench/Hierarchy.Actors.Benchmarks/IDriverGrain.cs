namespace Hierarchy.Actors.Benchmarks;

/// <summary>Calls bench grains from inside its own turn, so every call takes the queued grain-to-grain path.</summary>
public interface IDriverGrain : IGrainWithStringKey
{
    Task<long> Drive(int first, int count, int grains);

    /// <summary>Calls at the given rate for the given time and returns each call's latency in stopwatch ticks.</summary>
    Task<long[]> DrivePaced(int first, int grains, double callsPerSecond, TimeSpan duration);
}
