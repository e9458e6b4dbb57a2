using System.Collections.Immutable;
using Orleans;
using Hierarchy.Storage;
using Orleans.Runtime;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

[GrainType("scenario")]
public sealed partial class ScenarioGrain(
    [PersistentState("scenario", StorageNames.Scenarios)] IPersistentState<ScenarioState> store,
    [PersistentState("snapshot", StorageNames.Scenarios)] IPersistentState<ScenarioSnapshotState> snapshotStore,
    ILiveQuotas live,
    TimeProvider clock) : Grain, IScenarioGrain
{
    /// <summary>How many edits are kept for undo; older ones stay in effect but can no longer be taken back.</summary>
    public const int MaxEdits = 500;

    private ScenarioModel? model;

    private ScenarioSummary? Summary => store.State.Summary;

    private string Id => this.GetPrimaryKey().ToString("N");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Summary is not null && snapshotStore.State.Snapshot is not null)
        {
            BuildModel();
        }

        return Task.CompletedTask;
    }

    public async Task<ScenarioCreateResult> CreateAsync(ScenarioSummary summary, ScenarioSnapshot snapshot)
    {
        if (Summary is not null)
        {
            return new ScenarioCreateResult(ScenarioOutcome.Invalid, Summary, ValidationError.Coded("id", ValidationCodes.ScenarioExists, "Scenario '{0}' exists already.", Id));
        }

        if (summary.Id != Id || snapshot.Units.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"The scenario is for '{summary.Id}' with {(snapshot.Units.IsDefault ? 0 : snapshot.Units.Length)} units; this is '{Id}'.", nameof(summary));
        }

        snapshotStore.State.Snapshot = snapshot;
        store.State = new ScenarioState { Summary = summary with { Status = ScenarioStatus.Draft } };
        try
        {
            // The snapshot first: a scenario without one would be unreadable, a snapshot without a scenario is unseen.
            await snapshotStore.WriteStateAsync();
            await store.WriteStateAsync();
        }
        catch
        {
            await snapshotStore.ReadStateAsync();
            await store.ReadStateAsync();
            throw;
        }

        BuildModel();
        await Catalog.UpsertAsync(Summary!);
        return new ScenarioCreateResult(ScenarioOutcome.Ok, Summary);
    }

    public Task<ScenarioSummary?> GetSummaryAsync() => Task.FromResult(Summary);

    public Task<ScenarioAllocation?> GetAllocationAsync()
    {
        if (Summary is not { } summary || model is null)
        {
            return Task.FromResult<ScenarioAllocation?>(null);
        }

        var tree = model.Tree;
        return Task.FromResult<ScenarioAllocation?>(new ScenarioAllocation(
            summary.Id,
            summary.Name,
            summary.RootUnitId,
            summary.Year,
            [.. tree.Ids],
            [.. model.Quotas],
            [.. tree.Projected]));
    }

    public Task<ScenarioReportResult> GetReportAsync(string? focusUnitId, ScenarioAllocation? compareWith)
    {
        if (Summary is not { } summary || model is null)
        {
            return Task.FromResult(new ScenarioReportResult(ScenarioOutcome.NotFound));
        }

        var tree = model.Tree;
        var focus = focusUnitId is null ? 0 : tree.IndexOf(focusUnitId);
        if (focus < 0)
        {
            return Task.FromResult(new ScenarioReportResult(ScenarioOutcome.Invalid, Error: ValidationError.Coded("unitId", ValidationCodes.ScenarioUnitNotIn, "Unit '{0}' is not in this scenario.", focusUnitId ?? string.Empty)));
        }

        if (compareWith is not null && (compareWith.RootUnitId != summary.RootUnitId || compareWith.Year != summary.Year))
        {
            return Task.FromResult(new ScenarioReportResult(
                ScenarioOutcome.Invalid,
                Error: ValidationError.Coded("compareTo", ValidationCodes.ScenarioCompareOther, "Scenario '{0}' covers another unit or year; only scenarios over the same unit and year compare unit by unit.", compareWith.Name)));
        }

        var snapshot = snapshotStore.State.Snapshot!;
        var children = new List<UnitProjection>(tree.ChildCount[focus]);
        var range = tree.ChildrenOf(focus);
        for (var child = range.Start.Value; child < range.End.Value; child++)
        {
            children.Add(Row(child));
        }

        var report = new ScenarioReport(
            summary,
            snapshot.TakenAt,
            snapshot.DaysElapsed,
            snapshot.DaysInYear,
            model.Projection.ToTotals(tree, model.Quotas),
            model.LiveProjection.ToTotals(tree, tree.LiveQuota),
            PathTo(focus),
            Row(focus),
            children,
            ScenarioComparer.CompareWithLive(tree, model.Quotas),
            compareWith is null ? null : ScenarioComparer.CompareWith(tree, model.Quotas, compareWith),
            store.State.Edits.AsEnumerable().Reverse().ToList(),
            store.State.Locked.ToList());
        return Task.FromResult(new ScenarioReportResult(ScenarioOutcome.Ok, report));
    }

    public async Task<ScenarioEditResult> EditAsync(ScenarioEdit edit, string by)
    {
        if (Summary is null || model is null)
        {
            return new ScenarioEditResult(ScenarioOutcome.NotFound);
        }

        if (Summary.Status == ScenarioStatus.Applied)
        {
            return new ScenarioEditResult(ScenarioOutcome.Applied, Error: AppliedError());
        }

        if (edit.Type == ScenarioEditType.Undo)
        {
            return await UndoAsync();
        }

        var plan = model.Plan(edit);
        if (!plan.IsValid)
        {
            return new ScenarioEditResult(ScenarioOutcome.Invalid, Error: plan.Error);
        }

        if (plan.ChangesNothing)
        {
            return new ScenarioEditResult(ScenarioOutcome.Ok, Totals: model.Projection.ToTotals(model.Tree, model.Quotas));
        }

        var recorded = new RecordedEdit(edit, plan.Description, by, clock.GetUtcNow(), plan.Changes, plan.Lock);
        model.Apply(plan.Changes, plan.Lock);
        Track(plan.Changes, plan.Lock, forward: true);
        store.State.Edits.Add(recorded);
        if (store.State.Edits.Count > MaxEdits)
        {
            store.State.Edits.RemoveRange(0, store.State.Edits.Count - MaxEdits);
        }

        await WriteAsync();
        return new ScenarioEditResult(ScenarioOutcome.Ok, recorded, model.Projection.ToTotals(model.Tree, model.Quotas));
    }

    public async Task<bool> DiscardAsync()
    {
        if (Summary is null)
        {
            return false;
        }

        await store.ClearStateAsync();
        await snapshotStore.ClearStateAsync();
        model = null;
        await Catalog.RemoveAsync(Id);
        DeactivateOnIdle();
        return true;
    }

    private IScenarioCatalogGrain Catalog => GrainFactory.GetGrain<IScenarioCatalogGrain>(IScenarioCatalogGrain.Key);

    private static ValidationError AppliedError() => ValidationError.Coded("scenario", ValidationCodes.ScenarioApplied, "The scenario has been applied and can no longer change; create a new one.");

    private async Task<ScenarioEditResult> UndoAsync()
    {
        var edits = store.State.Edits;
        if (edits.Count == 0)
        {
            return new ScenarioEditResult(ScenarioOutcome.Invalid, Error: ValidationError.Coded("type", ValidationCodes.ScenarioNothingToUndo, "There is no edit to undo."));
        }

        var last = edits[^1];
        model!.Revert(last.Changes, last.Lock);
        Track(last.Changes, last.Lock, forward: false);
        edits.RemoveAt(edits.Count - 1);
        await WriteAsync();
        return new ScenarioEditResult(ScenarioOutcome.Ok, last, model.Projection.ToTotals(model.Tree, model.Quotas), Undone: true);
    }

    /// <summary>Keeps the stored overrides and locks in step with the model after an edit or an undo.</summary>
    private void Track(ImmutableArray<QuotaChange> changes, LockChange? lockChange, bool forward)
    {
        var tree = model!.Tree;
        foreach (var change in changes.IsDefault ? [] : changes)
        {
            var index = tree.IndexOf(change.UnitId);
            var quota = forward ? change.After : change.Before;
            if (index >= 0 && quota == tree.LiveQuota[index])
            {
                store.State.Quotas.Remove(change.UnitId);
            }
            else
            {
                store.State.Quotas[change.UnitId] = quota;
            }
        }

        if (lockChange is not null)
        {
            store.State.Locked.Remove(lockChange.UnitId);
            if (lockChange.Locked == forward)
            {
                store.State.Locked.Add(lockChange.UnitId);
            }
        }
    }

    /// <summary>Writes the scenario; if that fails, the state and model go back to what is stored, so nothing unrecorded shows.</summary>
    private async Task WriteAsync()
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            await store.ReadStateAsync();
            if (Summary is not null && model is not null)
            {
                model.Restore(store.State.Quotas, store.State.Locked);
            }

            throw;
        }
    }

    private void BuildModel()
    {
        var snapshot = snapshotStore.State.Snapshot!;
        var tree = ScenarioTree.Build(snapshot.RootUnitId, snapshot.Units, new YearProgress(snapshot.DaysElapsed, snapshot.DaysInYear));
        model = new ScenarioModel(tree);
        model.Restore(store.State.Quotas, store.State.Locked);
    }

    private UnitProjection Row(int index)
    {
        var tree = model!.Tree;
        var quota = model.Quotas[index];
        return new UnitProjection(
            tree.Ids[index],
            tree.Names[index],
            tree.Levels[index],
            tree.ParentIdOf(index),
            quota,
            tree.LiveQuota[index],
            model.Locked[index],
            tree.MembersAtStart[index],
            tree.Admitted[index],
            tree.LastYearAdmitted[index],
            tree.LastYearQuota[index],
            Ratio(tree.LastYearAdmitted[index], tree.LastYearQuota[index]),
            tree.Projected[index],
            Ratio(tree.Projected[index], quota),
            model.Projection.Gap[index],
            model.Projection.Status[index],
            model.LiveProjection.Status[index],
            model.Projection.ChildrenQuota[index],
            tree.ChildCount[index],
            tree.PastResolution(index),
            tree.ProjectedWithCandidates[index],
            Projections.Status(tree.ProjectedWithCandidates[index], quota));
    }

    private List<PathItem> PathTo(int index)
    {
        var tree = model!.Tree;
        var path = new List<PathItem>();
        for (var at = index; at >= 0; at = tree.Parent[at])
        {
            path.Add(new PathItem(tree.Ids[at], tree.Names[at], tree.Levels[at]));
        }

        path.Reverse();
        return path;
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
