using Orleans;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A GUID-keyed counter on Orleans' stock ADO.NET provider.</summary>
public interface IStockGuidCounterGrain : ICounter, IGrainWithGuidKey;
