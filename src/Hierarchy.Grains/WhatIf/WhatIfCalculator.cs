using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// Projects a whole scenario in one pass: each unit's status and gap against its scenario quota, the sum of its
/// children's quotas, and the totals. Pure and allocation-free, so it can run after every edit.
/// </summary>
public static class WhatIfCalculator
{
    public static void Recompute(ScenarioTree tree, ReadOnlySpan<int> quotas, ScenarioProjection into)
    {
        var count = tree.Count;
        if (quotas.Length < count || into.Status.Length < count)
        {
            throw new ArgumentException("The quotas and the projection must cover every unit of the tree.", nameof(quotas));
        }

        Array.Clear(into.LevelUnits);
        Array.Clear(into.LevelMissing);
        Array.Clear(into.LevelShortfall);
        Array.Clear(into.LevelQuota);
        Array.Clear(into.LevelProjected);
        var missing = 0;
        var missingWithCandidates = 0;
        var withCandidates = tree.ProjectedWithCandidates.AsSpan(0, count);
        var shortfall = 0L;
        var over = 0;
        var under = 0;
        var projected = tree.Projected.AsSpan(0, count);
        var levels = tree.Levels.AsSpan(0, count);
        var firstChild = tree.FirstChild.AsSpan(0, count);
        var childCount = tree.ChildCount.AsSpan(0, count);
        var status = into.Status.AsSpan(0, count);
        var gap = into.Gap.AsSpan(0, count);
        var childrenQuota = into.ChildrenQuota.AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            var quota = quotas[i];
            var unitProjected = projected[i];
            var unitStatus = Projections.Status(unitProjected, quota);
            var unitGap = quota - unitProjected;
            status[i] = unitStatus;
            gap[i] = unitGap;
            var level = (int)levels[i];
            into.LevelUnits[level]++;
            into.LevelQuota[level] += quota;
            into.LevelProjected[level] += unitProjected;
            if (ScenarioProjection.Misses(unitStatus))
            {
                missing++;
                shortfall += unitGap;
                into.LevelMissing[level]++;
                into.LevelShortfall[level] += unitGap;
            }

            missingWithCandidates += ScenarioProjection.Misses(Projections.Status(withCandidates[i], quota)) ? 1 : 0;
            var children = childCount[i];
            if (children > 0)
            {
                var sum = 0L;
                foreach (var childQuota in quotas.Slice(firstChild[i], children))
                {
                    sum += childQuota;
                }

                childrenQuota[i] = sum;
                over += sum > quota ? 1 : 0;
                under += sum < quota ? 1 : 0;
            }
            else
            {
                childrenQuota[i] = 0;
            }
        }

        into.UnitsProjectedToMiss = missing;
        into.UnitsProjectedToMissWithCandidates = missingWithCandidates;
        into.ProjectedShortfall = shortfall;
        into.OverAllocatedParents = over;
        into.UnderAllocatedParents = under;
    }
}
