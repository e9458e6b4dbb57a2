using Orleans;
using Orleans.Concurrency;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Catalogue;

/// <summary>The list of top-level units (provinces), under the single key <see cref="Key"/>.</summary>
public interface ICatalogueGrain : IGrainWithStringKey
{
    const string Key = "VN";

    Task AddRootAsync(string unitId, string name);

    Task RemoveRootAsync(string unitId);

    [ReadOnly]
    Task<IReadOnlyList<PathItem>> GetRootsAsync();
}
