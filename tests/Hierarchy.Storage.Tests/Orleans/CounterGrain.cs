using Orleans.Runtime;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A counter on our store.</summary>
public sealed class CounterGrain([PersistentState(StorageNames.State, StorageNames.Journal)] IPersistentState<CounterState> state)
    : CounterGrainBase(state), ICounterGrain;
