using Hierarchy.Actors.Persistence;

namespace Hierarchy.Actors.Tests.Grains;

[GrainType("other-counter")]
internal sealed class OtherCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, IOtherCounterGrain
{
    public async Task<int> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }
}
