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

    /// <summary>Records the kept copies of the old tree's provinces after a restructuring, for verify to check.</summary>
    Task AddFormerRootsAsync(IReadOnlyList<string> unitIds);

    [ReadOnly]
    Task<IReadOnlyList<string>> GetFormerRootsAsync();
}
