using Hierarchy.Grains.Catalogue;
using Hierarchy.Grains.Import;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Reform;

/// <summary>
/// Moves a database from the old tree to the new one through the grains, in an order that can be run again after an
/// interruption: the plan is recorded first; then every old territorial unit is frozen with its figures (under an id
/// of its own where a new unit takes over its code); then the new units are formed, the branches and organisations
/// move under them, search is rebuilt, and new units without a quota for the year get the sum of what their units
/// brought. Every step is idempotent and journaled at the units it touches.
/// </summary>
public sealed class RestructureService(HierarchyService hierarchy, RollupSettler settler)
{
    public const string Actor = "restructure";
    private const int Parallelism = 64;

    public IRestructureGrain Record(DateOnly on) => hierarchy.Grains.GetGrain<IRestructureGrain>(on.ToString("yyyy-MM-dd"));

    /// <summary>The plan for the database as it is now; nothing changes.</summary>
    public async Task<RestructureProposal> ProposeAsync(IReadOnlyList<UnitDefinition> catalogue, ConversionTable conversion, BranchMapping mapping, DateOnly on)
    {
        if (catalogue.Any(u => u.Level == UnitLevel.District))
        {
            throw new FormatException("The new catalogue has districts; restructure takes the two-level catalogue (province → commune).");
        }

        var units = new List<UnitInfo>();
        foreach (var root in await hierarchy.Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync())
        {
            units.AddRange((await hierarchy.SubtreeAsync(root.Id)).Where(u => u.RetiredOn is null && u.MergedInto is null));
        }

        return RestructurePlanner.Plan(units, catalogue, conversion, mapping, on);
    }

    public async Task<RestructureResult> RunAsync(RestructurePlan proposed, string by, CancellationToken cancellationToken = default)
    {
        var record = Record(proposed.On);
        var resumed = (await record.GetAsync())?.Plan is not null;
        var plan = await record.StartAsync(proposed, by);
        var lastDay = plan.LastDay;

        // The old tree's figures must be whole before they are frozen.
        await settler.SettleAsync(plan.Moves.Select(m => new UnitInfo(m.UnitId, m.UnitId, UnitLevel.Branch, m.FromId, true)).ToList(), RollupSettler.DefaultTimeout, cancellationToken);

        await ForEachAsync(plan.Former, f => hierarchy.Unit(f.Id).RetireAsync(new Retirement(f.ArchiveId, f.ArchiveParentId, lastDay, f.Successors, f.RenamedChildren), by), cancellationToken);

        foreach (var depth in TreeOrder.ByDepth(plan.Successors, s => s.Definition.Id, s => s.Definition.ParentId))
        {
            await ForEachAsync(depth, s => hierarchy.Unit(s.Definition.Id).SucceedAsync(s.Definition, plan.On, s.Predecessors, [], by), cancellationToken);
        }

        var catalogueGrain = hierarchy.Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key);
        var newIds = plan.Successors.Select(s => s.Definition.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var root in plan.Former.Where(f => f.ArchiveParentId is null && !newIds.Contains(f.Id)))
        {
            await catalogueGrain.RemoveRootAsync(root.Id);
        }

        await catalogueGrain.AddFormerRootsAsync(plan.FormerRoots);

        await ForEachAsync(plan.Moves, async m =>
        {
            var info = await hierarchy.Unit(m.UnitId).GetInfoAsync();
            if (info.ParentId == m.ToId)
            {
                // Either moved by an earlier run, or the new unit took over the old parent's code: in both cases the
                // new parent must hear the whole aggregate again.
                await hierarchy.Unit(m.UnitId).RejoinParentAsync();
            }
            else
            {
                await hierarchy.Unit(m.UnitId).SetParentAsync(m.ToId, by);

                // A frozen old parent keeps its figures; a new unit that took over the old parent's code may have heard
                // from this branch before it moved, and must forget it.
                if (info.ParentId is { } from)
                {
                    await hierarchy.Unit(from).RemoveChildAsync(m.UnitId);
                }
            }
        }, cancellationToken);

        await RebuildSearchAsync(plan);
        var moved = plan.Moves.Select(m => new UnitInfo(m.UnitId, m.UnitId, UnitLevel.Branch, m.ToId, true)).ToList();
        await settler.SettleAsync(moved, RollupSettler.DefaultTimeout, cancellationToken);

        var year = plan.On.Year;
        var quotas = 0;
        foreach (var depth in TreeOrder.ByDepth(plan.Successors, s => s.Definition.Id, s => s.Definition.ParentId).Reverse())
        {
            var set = new int[1];
            await ForEachAsync(depth, async s =>
            {
                var unit = hierarchy.Unit(s.Definition.Id);
                var view = await unit.GetViewAsync(year, plan.On);
                if (view is { Quota: 0, ChildrenQuota: > 0 })
                {
                    await unit.SetQuotaAsync(year, view.ChildrenQuota, null, by);
                    Interlocked.Increment(ref set[0]);
                }
            }, cancellationToken);
            quotas += set[0];
            await settler.SettleAsync(depth.Select(s => new UnitInfo(s.Definition.Id, s.Definition.Name, s.Definition.Level, s.Definition.ParentId, true)).ToList(), RollupSettler.DefaultTimeout, cancellationToken);
        }

        await record.CompleteAsync();
        return new RestructureResult(plan.Former.Count, plan.Successors.Count, plan.Moves.Count, quotas, resumed);
    }

    /// <summary>Search follows the new tree: the old provinces' indexes forget the old tree and each new province indexes its own.</summary>
    private async Task RebuildSearchAsync(RestructurePlan plan)
    {
        var oldIds = plan.Former.Select(f => f.Id).Concat(plan.Moves.Select(m => m.UnitId)).ToList();
        foreach (var province in plan.Former.Where(f => f.ArchiveParentId is null))
        {
            foreach (var chunk in oldIds.Chunk(20_000))
            {
                await hierarchy.Grains.GetGrain<IUnitIndexGrain>(province.Id).RemoveAsync(chunk);
            }
        }

        foreach (var province in plan.Successors.Where(s => s.Definition.ParentId is null))
        {
            var subtree = await hierarchy.SubtreeAsync(province.Definition.Id);
            foreach (var chunk in subtree.Select(u => new IndexEntry(u.Id, u.Name, u.Level, u.ParentId, u.Kind)).Chunk(20_000))
            {
                await hierarchy.Grains.GetGrain<IUnitIndexGrain>(province.Definition.Id).UpsertAsync(chunk);
            }
        }
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> action, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (item, _) => await action(item));
}
