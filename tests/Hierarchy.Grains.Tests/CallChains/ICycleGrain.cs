using Orleans.Concurrency;

namespace Hierarchy.Grains.Tests.CallChains;

/// <summary>A grain that follows a path of hops, each hop calling the next grain; it answers the path it took ("A → B → C").</summary>
public interface ICycleGrain : IGrainWithStringKey
{
    Task<string> CallAsync(Hop[] path);

    [ReadOnly]
    Task<string> ReadAsync(Hop[] path);

    [AlwaysInterleave]
    Task<string> InterleaveAsync(Hop[] path);

    /// <summary>Follows the path later, its caller not waiting; the outcome is kept for <see cref="LastOneWayAsync"/>.</summary>
    [OneWay]
    Task OneWayAsync(Hop[] path);

    /// <summary>Follows each path in turn, one after the other.</summary>
    Task<string[]> EachAsync(Hop[][] paths);

    /// <summary>What the last one-way call led to (its answer or its error), or null.</summary>
    [AlwaysInterleave]
    Task<string?> LastOneWayAsync();
}
