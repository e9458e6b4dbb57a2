using Orleans;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A string-keyed counter on Orleans' stock ADO.NET provider.</summary>
public interface IStockStringCounterGrain : ICounter, IGrainWithStringKey;
