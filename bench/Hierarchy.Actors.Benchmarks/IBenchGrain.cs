namespace Hierarchy.Actors.Benchmarks;

public interface IBenchGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}
