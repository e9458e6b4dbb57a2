using Hierarchy.Storage;
using Orleans;
using Orleans.Runtime;

namespace Hierarchy.Grains.Reform;

[GrainType("restructure")]
public sealed class RestructureGrain(
    [PersistentState("restructure", StorageNames.Units)] IPersistentState<RestructureRecord> store,
    TimeProvider clock) : Grain, IRestructureGrain
{
    public Task<RestructureRecord?> GetAsync() => Task.FromResult(store.RecordExists ? store.State : null);

    public async Task<RestructurePlan> StartAsync(RestructurePlan plan, string by)
    {
        if (store.State.Plan is { } recorded)
        {
            return recorded;
        }

        store.State.Plan = plan;
        store.State.Status = RestructureStatus.Started;
        store.State.By = by;
        store.State.StartedAt = clock.GetUtcNow();
        await store.WriteStateAsync();
        return plan;
    }

    public async Task CompleteAsync()
    {
        if (store.State.Status != RestructureStatus.Completed)
        {
            store.State.Status = RestructureStatus.Completed;
            store.State.CompletedAt = clock.GetUtcNow();
            await store.WriteStateAsync();
        }
    }
}
