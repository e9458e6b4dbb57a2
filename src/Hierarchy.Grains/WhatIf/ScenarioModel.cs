using System.Collections.Immutable;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// A scenario in memory: the flattened snapshot, the scenario's quotas and locks, and their projection beside the
/// live allocation's. Edits are planned first (validated, with their exact changes) and only then applied, so a
/// refused edit changes nothing and every applied one can be undone.
/// </summary>
public sealed class ScenarioModel
{
    /// <summary>The same bound the unit grains enforce on a quota.</summary>
    public const int MaxQuota = 10_000_000;

    // Attainment is a ratio; weighing by it in millionths keeps the arithmetic exact and integral.
    private const long AttainmentScale = 1_000_000;

    public ScenarioModel(ScenarioTree tree)
    {
        Tree = tree;
        Quotas = (int[])tree.LiveQuota.Clone();
        Locked = new bool[tree.Count];
        LiveProjection = new ScenarioProjection(tree.Count);
        Projection = new ScenarioProjection(tree.Count);
        WhatIfCalculator.Recompute(tree, tree.LiveQuota, LiveProjection);
        WhatIfCalculator.Recompute(tree, Quotas, Projection);
    }

    public ScenarioTree Tree { get; }

    public int[] Quotas { get; }

    public bool[] Locked { get; }

    public ScenarioProjection Projection { get; }

    public ScenarioProjection LiveProjection { get; }

    /// <summary>Puts back quotas and locks as stored: overrides of the live quota by unit id, and the locked ids.</summary>
    public void Restore(IReadOnlyDictionary<string, int> quotas, IEnumerable<string> locked)
    {
        Array.Copy(Tree.LiveQuota, Quotas, Tree.Count);
        Array.Clear(Locked);
        foreach (var (id, quota) in quotas)
        {
            var index = Tree.IndexOf(id);
            if (index >= 0)
            {
                Quotas[index] = quota;
            }
        }

        foreach (var id in locked)
        {
            var index = Tree.IndexOf(id);
            if (index >= 0)
            {
                Locked[index] = true;
            }
        }

        Recompute();
    }

    public void Recompute() => WhatIfCalculator.Recompute(Tree, Quotas, Projection);

    public EditPlan Plan(ScenarioEdit edit) => edit.Type switch
    {
        ScenarioEditType.SetQuota => PlanSetQuota(edit),
        ScenarioEditType.Move => PlanMove(edit),
        ScenarioEditType.Redistribute => PlanRedistribute(edit),
        ScenarioEditType.Lock => PlanLock(edit, locking: true),
        ScenarioEditType.Unlock => PlanLock(edit, locking: false),
        _ => EditPlan.Invalid("type", ValidationCodes.EditUnknownType, "Unknown edit type; use setQuota, move, redistribute, lock, unlock or undo."),
    };

    /// <summary>Carries out a planned edit and recomputes.</summary>
    public void Apply(ImmutableArray<QuotaChange> changes, LockChange? lockChange) => Set(changes, lockChange, forward: true);

    /// <summary>Takes a carried-out edit back and recomputes.</summary>
    public void Revert(ImmutableArray<QuotaChange> changes, LockChange? lockChange) => Set(changes, lockChange, forward: false);

    private void Set(ImmutableArray<QuotaChange> changes, LockChange? lockChange, bool forward)
    {
        foreach (var change in changes.IsDefault ? [] : changes)
        {
            var index = Tree.IndexOf(change.UnitId);
            if (index >= 0)
            {
                Quotas[index] = forward ? change.After : change.Before;
            }
        }

        if (lockChange is not null && Tree.IndexOf(lockChange.UnitId) is var locked and >= 0)
        {
            Locked[locked] = forward ? lockChange.Locked : !lockChange.Locked;
        }

        Recompute();
    }

    private EditPlan PlanSetQuota(ScenarioEdit edit)
    {
        if (!TryFind(edit.UnitId, "unitId", out var unit, out var missing))
        {
            return missing;
        }

        if (edit.Quota is not { } quota || quota < 0 || quota > MaxQuota)
        {
            return EditPlan.Invalid("quota", ValidationCodes.EditQuotaRange, "The quota must be a whole number from 0 to {0}.", MaxQuota.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Locked[unit])
        {
            return EditPlan.Invalid("unitId", ValidationCodes.EditLocked, "'{0}' is locked; unlock it to change its quota.", Tree.Names[unit]);
        }

        var description = $"set the quota of '{Tree.Names[unit]}' to {quota}";
        return Quotas[unit] == quota
            ? new EditPlan(null, [], null, description)
            : new EditPlan(null, [new QuotaChange(Tree.Ids[unit], Quotas[unit], quota)], null, description);
    }

    private EditPlan PlanMove(ScenarioEdit edit)
    {
        if (!TryFind(edit.FromUnitId, "fromUnitId", out var from, out var missing) || !TryFind(edit.ToUnitId, "toUnitId", out var to, out missing))
        {
            return missing;
        }

        if (edit.Amount is not { } amount || amount <= 0)
        {
            return EditPlan.Invalid("amount", ValidationCodes.EditAmount, "The amount to move must be a positive whole number.");
        }

        if (from == to)
        {
            return EditPlan.Invalid("toUnitId", ValidationCodes.EditSameUnit, "Quota can only move between two different units.");
        }

        if (Tree.Levels[from] != Tree.Levels[to])
        {
            return EditPlan.Invalid("toUnitId", ValidationCodes.EditLevels, "Quota moves between units of one level; '{0}' is a {1} and '{2}' a {3}.", Tree.Names[from], Name(Tree.Levels[from]), Tree.Names[to], Name(Tree.Levels[to]));
        }

        if (Locked[from])
        {
            return EditPlan.Invalid("fromUnitId", ValidationCodes.EditFromLocked, "'{0}' is locked; unlock it to move quota from it.", Tree.Names[from]);
        }

        if (Locked[to])
        {
            return EditPlan.Invalid("toUnitId", ValidationCodes.EditToLocked, "'{0}' is locked; unlock it to move quota to it.", Tree.Names[to]);
        }

        if (amount > Quotas[from])
        {
            return EditPlan.Invalid("amount", ValidationCodes.EditAmountAboveQuota, "'{0}' has a quota of {1}, less than {2}.", Tree.Names[from], Quotas[from], amount);
        }

        if ((long)Quotas[to] + amount > MaxQuota)
        {
            return EditPlan.Invalid("amount", ValidationCodes.EditAboveLargest, "'{0}' would exceed the largest quota, {1}.", Tree.Names[to], MaxQuota.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        return new EditPlan(
            null,
            [new QuotaChange(Tree.Ids[from], Quotas[from], Quotas[from] - amount), new QuotaChange(Tree.Ids[to], Quotas[to], Quotas[to] + amount)],
            null,
            $"moved {amount} from '{Tree.Names[from]}' to '{Tree.Names[to]}'");
    }

    private EditPlan PlanRedistribute(ScenarioEdit edit)
    {
        if (!TryFind(edit.UnitId, "unitId", out var parent, out var missing))
        {
            return missing;
        }

        if (edit.Method is not { } method || !Enum.IsDefined(method))
        {
            return EditPlan.Invalid("method", ValidationCodes.EditMethod, "Choose how to redistribute: even, members, admissions, lastYearAttainment or candidates.");
        }

        if (Tree.ChildCount[parent] == 0)
        {
            return EditPlan.Invalid("unitId", ValidationCodes.EditNoChildren, "'{0}' has no units below it to redistribute among.", Tree.Names[parent]);
        }

        var children = Tree.ChildrenOf(parent);
        var open = new List<int>();
        var lockedQuota = 0L;
        for (var child = children.Start.Value; child < children.End.Value; child++)
        {
            if (Locked[child])
            {
                lockedQuota += Quotas[child];
            }
            else
            {
                open.Add(child);
            }
        }

        if (open.Count == 0)
        {
            return EditPlan.Invalid("unitId", ValidationCodes.EditAllLocked, "Every unit below '{0}' is locked.", Tree.Names[parent]);
        }

        var available = Quotas[parent] - lockedQuota;
        if (available < 0)
        {
            return EditPlan.Invalid("unitId", ValidationCodes.EditLockedAboveQuota, "The locked units below '{0}' hold {1}, more than its quota of {2}.", Tree.Names[parent], lockedQuota, Quotas[parent]);
        }

        var weights = new long[open.Count];
        var error = Weigh(parent, open, method, edit.FromStage ?? CandidateStage.Resolution, weights);
        if (error is not null)
        {
            return EditPlan.Invalid(error);
        }

        var shares = new int[open.Count];
        LargestRemainder.Allocate(available, weights, shares);
        var changes = ImmutableArray.CreateBuilder<QuotaChange>();
        for (var i = 0; i < open.Count; i++)
        {
            if (Quotas[open[i]] != shares[i])
            {
                changes.Add(new QuotaChange(Tree.Ids[open[i]], Quotas[open[i]], shares[i]));
            }
        }

        var kept = Tree.ChildCount[parent] - open.Count;
        return new EditPlan(
            null,
            changes.ToImmutable(),
            null,
            $"redistributed {available} of '{Tree.Names[parent]}' among {open.Count} units by {JsonNames.Of(method)}" + (method == RedistributionMethod.Candidates ? $" from stage {JsonNames.Of(edit.FromStage ?? CandidateStage.Resolution)}" : string.Empty) + (kept > 0 ? $", {kept} locked kept" : string.Empty));
    }

    private ValidationError? Weigh(int parent, List<int> open, RedistributionMethod method, CandidateStage fromStage, long[] weights)
    {
        var sum = 0L;
        switch (method)
        {
            case RedistributionMethod.Candidates:
                if (fromStage is CandidateStage.Dropped || !Enum.IsDefined(fromStage))
                {
                    return ValidationError.Coded("fromStage", ValidationCodes.EditFromStage, "Weigh by a stage on the way to membership, from introduced to official.");
                }

                for (var i = 0; i < open.Count; i++)
                {
                    weights[i] = Tree.CandidatesAtOrPast(open[i], fromStage);
                    sum += weights[i];
                }

                return sum > 0 ? null : ValidationError.Coded("method", ValidationCodes.EditNoCandidates, "No unlocked unit below '{0}' has candidates at stage '{1}' or past it to weigh by; choose another method or an earlier stage.", Tree.Names[parent], JsonNames.Of(fromStage));
            case RedistributionMethod.Even:
                Array.Fill(weights, 1);
                return null;
            case RedistributionMethod.Members:
            case RedistributionMethod.Admissions:
                var source = method == RedistributionMethod.Members ? Tree.MembersAtStart : Tree.Admitted;
                for (var i = 0; i < open.Count; i++)
                {
                    weights[i] = Math.Max(0, source[open[i]]);
                    sum += weights[i];
                }

                return sum > 0
                    ? null
                    : method == RedistributionMethod.Members
                        ? ValidationError.Coded("method", ValidationCodes.EditNoMembers, "No unlocked unit below '{0}' has any members at the start of the year to weigh by; choose another method.", Tree.Names[parent])
                        : ValidationError.Coded("method", ValidationCodes.EditNoAdmissions, "No unlocked unit below '{0}' has any admissions this year to weigh by; choose another method.", Tree.Names[parent]);
            default:
                // A unit with no quota last year has no attainment; it is weighed as the average of the others rather than as zero.
                var known = 0;
                for (var i = 0; i < open.Count; i++)
                {
                    var lastQuota = Tree.LastYearQuota[open[i]];
                    weights[i] = lastQuota > 0 ? (2 * Math.Max(0L, Tree.LastYearAdmitted[open[i]]) * AttainmentScale + lastQuota) / (2L * lastQuota) : -1;
                    if (weights[i] >= 0)
                    {
                        known++;
                        sum += weights[i];
                    }
                }

                if (known == 0)
                {
                    return ValidationError.Coded("method", ValidationCodes.EditNoLastYearQuota, "No unit below '{0}' had a quota last year, so there is no attainment to weigh by; choose another method.", Tree.Names[parent]);
                }

                var average = (sum + known / 2) / known;
                for (var i = 0; i < weights.Length; i++)
                {
                    weights[i] = weights[i] < 0 ? average : weights[i];
                }

                return weights.Any(w => w > 0) ? null : ValidationError.Coded("method", ValidationCodes.EditNoLastYearAdmissions, "No unit below '{0}' admitted anyone last year, so there is no attainment to weigh by; choose another method.", Tree.Names[parent]);
        }
    }

    private EditPlan PlanLock(ScenarioEdit edit, bool locking)
    {
        if (!TryFind(edit.UnitId, "unitId", out var unit, out var missing))
        {
            return missing;
        }

        var description = $"{(locking ? "locked" : "unlocked")} '{Tree.Names[unit]}'";
        return Locked[unit] == locking
            ? new EditPlan(null, [], null, description)
            : new EditPlan(null, [], new LockChange(Tree.Ids[unit], locking), description);
    }

    private bool TryFind(string? id, string field, out int index, out EditPlan missing)
    {
        index = Tree.IndexOf(id);
        if (index >= 0)
        {
            missing = null!;
            return true;
        }

        missing = string.IsNullOrWhiteSpace(id)
            ? EditPlan.Invalid(field, ValidationCodes.EditUnitRequired, "A unit id is required.")
            : EditPlan.Invalid(field, ValidationCodes.EditUnitNotIn, "Unit '{0}' is not in this scenario: it does not exist or is outside the subtree of '{1}'.", id!, Tree.Names[0]);
        return false;
    }

    private static string Name(UnitLevel level) => level.ToString().ToLowerInvariant();
}
