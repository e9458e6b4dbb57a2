using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>Unit-by-unit differences between two allocations of the same subtree; only what changed.</summary>
public static class ScenarioComparer
{
    /// <summary>Enough for any screen; a redistribution over a whole province still reports its counts in full.</summary>
    public const int MaxChanges = 2_000;

    public const string Live = "live";

    /// <summary>The scenario's quotas against the live ones of its own snapshot.</summary>
    public static ScenarioComparison CompareWithLive(ScenarioTree tree, ReadOnlySpan<int> quotas) =>
        Compare(tree, quotas, tree.LiveQuota, tree.Projected, Live, Live);

    /// <summary>The scenario's quotas against another scenario's, matched by unit id; units only one of them has are left out.</summary>
    public static ScenarioComparison CompareWith(ScenarioTree tree, ReadOnlySpan<int> quotas, ScenarioAllocation other)
    {
        var beforeQuotas = new int[tree.Count];
        var beforeProjected = new int[tree.Count];
        var present = new bool[tree.Count];
        for (var i = 0; i < other.Ids.Length; i++)
        {
            var index = tree.IndexOf(other.Ids[i]);
            if (index >= 0)
            {
                beforeQuotas[index] = other.Quotas[i];
                beforeProjected[index] = other.Projected[i];
                present[index] = true;
            }
        }

        for (var i = 0; i < tree.Count; i++)
        {
            if (!present[i])
            {
                // Nothing to compare with: treat it as unchanged.
                beforeQuotas[i] = quotas[i];
                beforeProjected[i] = tree.Projected[i];
            }
        }

        return Compare(tree, quotas, beforeQuotas, beforeProjected, other.ScenarioId, other.Name);
    }

    private static ScenarioComparison Compare(ScenarioTree tree, ReadOnlySpan<int> after, ReadOnlySpan<int> before, ReadOnlySpan<int> beforeProjected, string against, string againstName)
    {
        var changes = new List<UnitChange>();
        var changed = 0;
        var newlyMissing = 0;
        var noLongerMissing = 0;
        for (var i = 0; i < tree.Count; i++)
        {
            var projectedAfter = tree.Projected[i];
            if (after[i] == before[i] && projectedAfter == beforeProjected[i])
            {
                continue;
            }

            var statusBefore = Projections.Status(beforeProjected[i], before[i]);
            var statusAfter = Projections.Status(projectedAfter, after[i]);
            if (after[i] == before[i] && statusBefore == statusAfter)
            {
                // Only the snapshots' admissions differ, and not enough to matter.
                continue;
            }

            changed++;
            var missedBefore = ScenarioProjection.Misses(statusBefore);
            var missesAfter = ScenarioProjection.Misses(statusAfter);
            newlyMissing += missesAfter && !missedBefore ? 1 : 0;
            noLongerMissing += missedBefore && !missesAfter ? 1 : 0;
            if (changes.Count < MaxChanges)
            {
                changes.Add(new UnitChange(tree.Ids[i], tree.Names[i], tree.Levels[i], tree.ParentIdOf(i), before[i], after[i], beforeProjected[i], projectedAfter, statusBefore, statusAfter));
            }
        }

        return new ScenarioComparison(against, againstName, changed, newlyMissing, noLongerMissing, changes, changed > changes.Count);
    }
}
