namespace Hierarchy.Actors.Benchmarks;

/// <summary>A trivial grain: no state, a method that completes synchronously, so the runtime is all that is measured.</summary>
internal sealed class BenchGrain : Grain, IBenchGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);
}
