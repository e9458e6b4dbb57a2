using Orleans.Runtime;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A counter on the stock provider.</summary>
public sealed class StockStringCounterGrain([PersistentState(StorageNames.State, StorageNames.Stock)] IPersistentState<CounterState> state)
    : CounterGrainBase(state), IStockStringCounterGrain;
