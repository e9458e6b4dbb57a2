using Orleans.Runtime;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A counter on the stock provider.</summary>
public sealed class StockGuidCounterGrain([PersistentState(StorageNames.State, StorageNames.Stock)] IPersistentState<CounterState> state)
    : CounterGrainBase(state), IStockGuidCounterGrain;
