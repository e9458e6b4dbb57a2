using Hierarchy.Grains.Catalogue;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Units;

/// <summary>
/// Crossing a restructuring of the tree: an old unit is frozen with its figures (in place, or copied under an id of its
/// own when a new unit takes its code), a new unit is formed from former ones, and a branch re-joins a parent whose code
/// a new unit took over. Every step can be repeated without changing anything twice.
/// </summary>
public sealed partial class UnitGrain
{
    public Task RejoinParentAsync()
    {
        RequireExisting();
        State.AckedVersion = 0;
        State.Version = Versions.Next(State.Version, Now);
        dirty = true;
        ScheduleCheckpoint(options.CheckpointDelay);
        SchedulePush();
        return Task.CompletedTask;
    }

    public async Task RetireAsync(Retirement retirement, string by)
    {
        RequireExisting();
        if (State.RetiredOn is not null || State.ArchivedAs is not null || State.FormedOn == retirement.LastDay.AddDays(1))
        {
            // Kept already, or this is the new unit that took over the code in an earlier run.
            return;
        }

        var kept = new UnitState
        {
            Name = State.Name,
            Level = State.Level,
            Kind = State.Kind,
            ParentId = retirement.ArchiveParentId,
            Years = new Dictionary<int, UnitYear>(State.Years),
            Term = State.Term,
            Children = State.Children.ToDictionary(
                c => retirement.RenamedChildren.GetValueOrDefault(c.Key, c.Key),
                c => c.Value with { Id = retirement.RenamedChildren.GetValueOrDefault(c.Key, c.Key), ParentId = retirement.ArchiveId },
                StringComparer.Ordinal),
            Recent = RecentList.ToList(),
            QuotaVersion = State.QuotaVersion,
            RetiredOn = retirement.LastDay,
            Successors = [.. retirement.Successors],
            Predecessors = State.Predecessors,
        };
        if (retirement.ArchiveId == Id)
        {
            kept.Version = State.Version;
            kept.AckedVersion = State.AckedVersion;
            store.State = kept;
            childTotals = null;
            await ChangeAsync("structure", $"former unit since {retirement.LastDay.AddDays(1):yyyy-MM-dd}, gone into {string.Join(", ", retirement.Successors.Select(s => $"'{s.Id}'"))}", by);
            return;
        }

        // The code goes to a new unit: the old one is kept under an id of its own first, and this grain says where.
        await UnitRef(retirement.ArchiveId).KeepFormerAsync(kept, Id, by);
        State.ArchivedAs = retirement.ArchiveId;
        await ChangeAsync("structure", $"kept as former unit '{retirement.ArchiveId}' until {retirement.LastDay:yyyy-MM-dd}; the code passes to a new unit", by);
    }

    public async Task KeepFormerAsync(UnitState former, string formerId, string by)
    {
        if (Exists)
        {
            return;
        }

        store.State = former;
        childTotals = null;
        await ChangeAsync("structure", $"former unit '{formerId}' ({former.Name}) kept here, last day {former.RetiredOn:yyyy-MM-dd}", by);
    }

    public async Task SucceedAsync(UnitDefinition definition, DateOnly on, IReadOnlyList<UnitLink> predecessors, IReadOnlyList<YearPlan> years, string by)
    {
        if (definition.Id != Id)
        {
            throw new ArgumentException($"The definition is for unit '{definition.Id}', not '{Id}'.", nameof(definition));
        }

        if (Exists && State.FormedOn == on)
        {
            return;
        }

        if (Exists && State.ArchivedAs is null && State.RetiredOn is null)
        {
            throw new InvalidOperationException($"Unit '{Id}' is a live unit of another tree; it was not kept as a former unit first.");
        }

        if (Exists && State.ArchivedAs is null)
        {
            throw new InvalidOperationException($"Unit '{Id}' is a former unit kept under its own id; its code cannot pass to a new unit.");
        }

        var archivedAs = State.ArchivedAs;
        var isNew = !Exists;
        store.State = new UnitState
        {
            Name = definition.Name,
            Level = definition.Level,
            Kind = definition.Kind,
            ParentId = definition.ParentId,
            Predecessors = [.. predecessors],
            FormedOn = on,
            Version = State.Version,
            QuotaVersion = Versions.Next(State.QuotaVersion, Now),
            Years = years.ToDictionary(y => y.Year, y => UnitYear.Empty with { Quota = y.Quota ?? 0 }),
        };
        childTotals = null;
        pendingAcks.Clear();
        feedSnapshot = default;
        await ChangeAsync("structure", (isNew ? $"formed as {definition.Level} '{definition.Name}'" : $"code taken over by {definition.Level} '{definition.Name}'; the former unit is kept as '{archivedAs}'")
            + $" from {string.Join(", ", predecessors.Select(p => $"'{p.Id}'"))}", by);
        if (definition.ParentId is null)
        {
            await GrainFactory.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).AddRootAsync(Id, definition.Name);
        }
    }
}
