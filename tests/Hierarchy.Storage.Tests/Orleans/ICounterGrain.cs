using Orleans;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A string-keyed counter on our store.</summary>
public interface ICounterGrain : ICounter, IGrainWithStringKey;
