using Orleans;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A second GUID-keyed grain type on the stock provider with the same state name as <see cref="IStockGuidCounterGrain"/>.</summary>
public interface IOtherStockGuidCounterGrain : ICounter, IGrainWithGuidKey;
