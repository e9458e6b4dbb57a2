using Orleans;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A second grain type on our store with the same state name as <see cref="ICounterGrain"/>.</summary>
public interface IOtherCounterGrain : ICounter, IGrainWithStringKey;
