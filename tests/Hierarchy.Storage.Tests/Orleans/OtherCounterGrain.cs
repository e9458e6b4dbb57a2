using Orleans.Runtime;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A counter on our store, with the same state name as CounterGrain.</summary>
public sealed class OtherCounterGrain([PersistentState(StorageNames.State, StorageNames.Journal)] IPersistentState<CounterState> state)
    : CounterGrainBase(state), IOtherCounterGrain;
