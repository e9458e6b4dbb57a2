using Hierarchy.Grains.Units;
using Hierarchy.Storage;
using Orleans;
using Orleans.Runtime;

namespace Hierarchy.Grains.Catalogue;

[GrainType("unit-index")]
public sealed class UnitIndexGrain([PersistentState("index", StorageNames.Units)] IPersistentState<UnitIndexState> store) : Grain, IUnitIndexGrain
{
    private readonly Dictionary<string, string> folded = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in store.State.Entries.Values)
        {
            folded[entry.Id] = Searchable(entry);
        }

        return Task.CompletedTask;
    }

    public async Task UpsertAsync(IReadOnlyList<IndexEntry> entries)
    {
        var changed = false;
        foreach (var entry in entries)
        {
            if (!store.State.Entries.TryGetValue(entry.Id, out var known) || known != entry)
            {
                store.State.Entries[entry.Id] = entry;
                folded[entry.Id] = Searchable(entry);
                changed = true;
            }
        }

        if (changed)
        {
            await store.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(IReadOnlyList<string> unitIds)
    {
        var changed = false;
        foreach (var id in unitIds)
        {
            changed |= store.State.Entries.Remove(id);
            folded.Remove(id);
        }

        if (changed)
        {
            await store.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<IndexEntry>> SearchAsync(string query, int limit)
    {
        var words = SearchText.Words(query);
        var hits = store.State.Entries.Values
            .Where(e => words.All(w => folded[e.Id].Contains(w, StringComparison.Ordinal) || e.Id.Equals(w, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(e => LevelNames.Rank(e.Level))
            .ThenBy(e => e.Name.Length)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult<IReadOnlyList<IndexEntry>>(hits);
    }

    public Task<int> CountAsync() => Task.FromResult(store.State.Entries.Count);

    /// <summary>Both names of a unit are found: the administrative one and its party organisation's.</summary>
    private static string Searchable(IndexEntry entry) => SearchText.Fold($"{entry.Name} {PartyNames.Organisation(entry.Level, entry.Name)}");
}
