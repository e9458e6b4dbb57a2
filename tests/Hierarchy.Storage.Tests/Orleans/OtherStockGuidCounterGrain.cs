using Orleans.Runtime;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A counter on the stock provider, with the same state name as StockGuidCounterGrain.</summary>
public sealed class OtherStockGuidCounterGrain([PersistentState(StorageNames.State, StorageNames.Stock)] IPersistentState<CounterState> state)
    : CounterGrainBase(state), IOtherStockGuidCounterGrain;
