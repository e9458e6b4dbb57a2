using Orleans;
using Orleans.Concurrency;

namespace Hierarchy.Grains.Reform;

/// <summary>One restructuring, keyed by the day the new tree starts (2025-07-01).</summary>
public interface IRestructureGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<RestructureRecord?> GetAsync();

    /// <summary>Records the plan unless one is recorded already, and returns the one recorded.</summary>
    Task<RestructurePlan> StartAsync(RestructurePlan plan, string by);

    Task CompleteAsync();
}
