using Orleans;
using Hierarchy.Storage;
using Orleans.Runtime;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Catalogue;

[GrainType("catalogue")]
public sealed class CatalogueGrain([PersistentState("catalogue", StorageNames.Units)] IPersistentState<CatalogueState> store) : Grain, ICatalogueGrain
{
    public async Task AddRootAsync(string unitId, string name)
    {
        if (store.State.Roots.TryGetValue(unitId, out var known) && known == name)
        {
            return;
        }

        store.State.Roots[unitId] = name;
        await store.WriteStateAsync();
    }

    public async Task RemoveRootAsync(string unitId)
    {
        if (store.State.Roots.Remove(unitId))
        {
            await store.WriteStateAsync();
        }
    }

    public async Task AddFormerRootsAsync(IReadOnlyList<string> unitIds)
    {
        var before = store.State.FormerRoots.Count;
        store.State.FormerRoots.UnionWith(unitIds);
        if (store.State.FormerRoots.Count != before)
        {
            await store.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetFormerRootsAsync() => Task.FromResult<IReadOnlyList<string>>(store.State.FormerRoots.ToList());

    public Task<IReadOnlyList<PathItem>> GetRootsAsync() =>
        Task.FromResult<IReadOnlyList<PathItem>>(store.State.Roots.Select(r => new PathItem(r.Key, r.Value, UnitLevel.Province)).ToList());
}
