using Orleans;
using Orleans.Concurrency;

namespace Hierarchy.Grains.Catalogue;

/// <summary>The search index of one province's units, keyed by the province id.</summary>
public interface IUnitIndexGrain : IGrainWithStringKey
{
    Task UpsertAsync(IReadOnlyList<IndexEntry> entries);

    Task RemoveAsync(IReadOnlyList<string> unitIds);

    /// <summary>Units whose name contains every word of the query, with or without Vietnamese diacritics.</summary>
    [ReadOnly]
    Task<IReadOnlyList<IndexEntry>> SearchAsync(string query, int limit);

    [ReadOnly]
    Task<int> CountAsync();
}
