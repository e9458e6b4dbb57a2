using Orleans;
using Hierarchy.Grains.Catalogue;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains;

/// <summary>
/// Operations across several units that no single grain may run inside its own turn without risking a call cycle:
/// paths, scope checks, search, bulk definition, moves and merges.
/// </summary>
public sealed class HierarchyService(IGrainFactory grains)
{
    private const int Parallelism = 64;

    /// <summary>Deeper than any party organisation goes; a deeper chain is a cycle.</summary>
    public const int MaxDepth = 32;

    public IGrainFactory Grains => grains;

    public IUnitGrain Unit(string id) => grains.GetGrain<IUnitGrain>(id);

    /// <summary>The chain from the province down to the unit; empty when the unit does not exist.</summary>
    public async Task<IReadOnlyList<PathItem>> GetPathAsync(string unitId)
    {
        var path = new List<PathItem>();
        string? next = unitId;
        while (next is not null)
        {
            if (path.Count >= MaxDepth)
            {
                throw new InvalidOperationException($"Unit '{unitId}' is more than {MaxDepth} levels deep.");
            }

            var info = await Unit(next).GetInfoAsync();
            if (!info.Exists)
            {
                return path.Count == 0 ? [] : throw new InvalidOperationException($"Unit '{next}' above '{unitId}' does not exist.");
            }

            path.Add(new PathItem(info.Id, info.Name, info.Level, info.Kind));
            next = info.ParentId;
        }

        path.Reverse();
        return path;
    }

    public async Task<bool> IsWithinAsync(string unitId, string ancestorId) =>
        (await GetPathAsync(unitId)).Any(p => p.Id == ancestorId);

    public async Task<IReadOnlyList<IndexEntry>> SearchAsync(string query, string? withinUnitId, int limit)
    {
        limit = Math.Clamp(limit, 1, 200);
        if (SearchText.Words(query).Length == 0)
        {
            return [];
        }

        IReadOnlyList<string> provinces;
        if (withinUnitId is not null)
        {
            var path = await GetPathAsync(withinUnitId);
            if (path.Count == 0)
            {
                return [];
            }

            provinces = [path[0].Id];
        }
        else
        {
            provinces = (await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync()).Select(r => r.Id).ToList();
        }

        var found = await Task.WhenAll(provinces.Select(p => grains.GetGrain<IUnitIndexGrain>(p).SearchAsync(query, withinUnitId is null ? limit : limit * 4)));
        var hits = found.SelectMany(h => h).OrderBy(e => LevelNames.Rank(e.Level)).ThenBy(e => e.Name.Length).ToList();
        if (withinUnitId is null)
        {
            return hits.Take(limit).ToList();
        }

        var within = new List<IndexEntry>();
        foreach (var hit in hits)
        {
            if (within.Count >= limit)
            {
                break;
            }

            if (await IsWithinAsync(hit.Id, withinUnitId))
            {
                within.Add(hit);
            }
        }

        return within;
    }

    /// <summary>Defines units depth by depth (parents first) and indexes them for search under their provinces.</summary>
    public Task DefineUnitsAsync(IReadOnlyList<UnitDefinition> units, string by) =>
        ImportUnitsAsync(units.Select(u => (u, (IReadOnlyList<YearPlan>)[])).ToList(), by);

    public async Task ImportUnitsAsync(IReadOnlyList<(UnitDefinition Unit, IReadOnlyList<YearPlan> Years)> units, string by)
    {
        var byId = units.ToDictionary(u => u.Unit.Id, u => u.Unit, StringComparer.Ordinal);
        var provinceCache = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var level in TreeOrder.ByDepth(units, u => u.Unit.Id, u => u.Unit.ParentId))
        {
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, _) =>
                await Unit(item.Unit.Id).ImportAsync(item.Unit, item.Years, by));
        }

        var entries = new List<(string Province, IndexEntry Entry)>();
        foreach (var (unit, _) in units)
        {
            entries.Add((await ProvinceOfAsync(unit, byId, provinceCache), new IndexEntry(unit.Id, unit.Name, unit.Level, unit.ParentId, unit.Kind)));
        }

        foreach (var group in entries.GroupBy(e => e.Province))
        {
            foreach (var chunk in group.Select(g => g.Entry).Chunk(20_000))
            {
                await grains.GetGrain<IUnitIndexGrain>(group.Key).UpsertAsync(chunk);
            }
        }
    }

    /// <summary>Moves a unit under a new parent with all its admissions and totals; the old parent forgets it.</summary>
    public async Task MoveUnitAsync(string unitId, string newParentId, string by)
    {
        var unit = await Unit(unitId).GetInfoAsync();
        var parent = await Unit(newParentId).GetInfoAsync();
        if (!unit.Exists)
        {
            throw new KeyNotFoundException($"Unit '{unitId}' does not exist.");
        }

        if (!parent.Exists)
        {
            throw new KeyNotFoundException($"Unit '{newParentId}' does not exist.");
        }

        if (parent.RetiredOn is not null || unit.RetiredOn is not null)
        {
            throw new InvalidOperationException($"'{(unit.RetiredOn is null ? newParentId : unitId)}' is a former unit; its figures are kept as they were.");
        }

        if (!LevelNames.CanHold(parent.Level, unit.Level))
        {
            throw new InvalidOperationException($"A {unit.Level.ToString().ToLowerInvariant()} cannot sit under a {parent.Level.ToString().ToLowerInvariant()}.");
        }

        if ((await GetPathAsync(newParentId)).Any(p => p.Id == unitId))
        {
            throw new InvalidOperationException($"Unit '{unitId}' cannot move under '{newParentId}', which lies inside it.");
        }

        if (unit.ParentId == newParentId)
        {
            return;
        }

        var oldProvince = (await GetPathAsync(unitId))[0].Id;
        await Unit(unitId).SetParentAsync(newParentId, by);
        if (unit.ParentId is not null)
        {
            await Unit(unit.ParentId).RemoveChildAsync(unitId);
        }

        var newProvince = (await GetPathAsync(newParentId))[0].Id;
        var subtree = await SubtreeAsync(unitId);
        if (oldProvince != newProvince)
        {
            await grains.GetGrain<IUnitIndexGrain>(oldProvince).RemoveAsync(subtree.Select(s => s.Id).ToList());
        }

        await grains.GetGrain<IUnitIndexGrain>(newProvince).UpsertAsync(
            subtree.Select(s => new IndexEntry(s.Id, s.Name, s.Level, s.Id == unitId ? newParentId : s.ParentId, s.Kind)).ToList());
    }

    /// <summary>Merges one ward into another (the 2025 reform merged many): its branches move, the ward leaves its parent.</summary>
    public async Task MergeWardsAsync(string fromWardId, string intoWardId, string by)
    {
        var from = await Unit(fromWardId).GetInfoAsync();
        var into = await Unit(intoWardId).GetInfoAsync();
        if (!from.Exists || from.Level != UnitLevel.Ward)
        {
            throw new KeyNotFoundException($"Ward '{fromWardId}' does not exist.");
        }

        if (!into.Exists || into.Level != UnitLevel.Ward || fromWardId == intoWardId)
        {
            throw new KeyNotFoundException($"Ward '{intoWardId}' does not exist or is the same ward.");
        }

        foreach (var branchId in await Unit(fromWardId).GetChildIdsAsync())
        {
            await MoveUnitAsync(branchId, intoWardId, by);
        }

        var province = (await GetPathAsync(fromWardId))[0].Id;
        await Unit(fromWardId).MarkMergedAsync(intoWardId, by);
        if (from.ParentId is not null)
        {
            await Unit(from.ParentId).RemoveChildAsync(fromWardId);
        }

        await grains.GetGrain<IUnitIndexGrain>(province).RemoveAsync([fromWardId]);
    }

    /// <summary>Every unit below (and including) the given one, parents before children.</summary>
    public async Task<IReadOnlyList<UnitInfo>> SubtreeAsync(string unitId)
    {
        var result = new List<UnitInfo>();
        var level = new List<string> { unitId };
        while (level.Count > 0)
        {
            var infos = await Task.WhenAll(level.Select(id => Unit(id).GetInfoAsync()));
            result.AddRange(infos.Where(i => i.Exists));
            var children = await Task.WhenAll(infos.Where(i => i.Exists && i.Level != UnitLevel.Branch).Select(i => Unit(i.Id).GetChildIdsAsync()));
            level = children.SelectMany(c => c).ToList();
        }

        return result;
    }

    private async Task<string> ProvinceOfAsync(UnitDefinition unit, Dictionary<string, UnitDefinition> batch, Dictionary<string, string> cache)
    {
        if (unit.ParentId is null)
        {
            return unit.Id;
        }

        if (cache.TryGetValue(unit.ParentId, out var known))
        {
            return known;
        }

        var province = batch.TryGetValue(unit.ParentId, out var parent)
            ? await ProvinceOfAsync(parent, batch, cache)
            : (await GetPathAsync(unit.ParentId)).FirstOrDefault()?.Id
                ?? throw new KeyNotFoundException($"Parent '{unit.ParentId}' of '{unit.Id}' does not exist.");
        cache[unit.ParentId] = province;
        return province;
    }
}
