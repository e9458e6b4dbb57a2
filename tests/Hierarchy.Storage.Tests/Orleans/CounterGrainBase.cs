using Orleans;
using Orleans.Runtime;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>The counter's behaviour; the grains below differ only in their type and the storage their state names.</summary>
public abstract class CounterGrainBase(IPersistentState<CounterState> state) : Grain, ICounter
{
    public async Task<int> Add(int amount)
    {
        state.State.Value += amount;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);
}
