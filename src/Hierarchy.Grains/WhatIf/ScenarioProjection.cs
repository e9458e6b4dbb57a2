using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// The result buffers of <see cref="WhatIfCalculator.Recompute"/> for one tree: per-unit status, gap and children's
/// quota sum, and the running totals. Allocated once per scenario and overwritten by each recompute.
/// </summary>
public sealed class ScenarioProjection
{
    private static readonly int LevelCount = Enum.GetValues<UnitLevel>().Length;

    public ScenarioProjection(int count)
    {
        Status = new ProgressStatus[count];
        Gap = new int[count];
        ChildrenQuota = new long[count];
    }

    public ProgressStatus[] Status { get; }

    /// <summary>Quota minus projected admissions: positive is the shortfall at year end, negative a surplus.</summary>
    public int[] Gap { get; }

    public long[] ChildrenQuota { get; }

    internal int[] LevelUnits { get; } = new int[LevelCount];

    internal int[] LevelMissing { get; } = new int[LevelCount];

    internal long[] LevelShortfall { get; } = new long[LevelCount];

    internal long[] LevelQuota { get; } = new long[LevelCount];

    internal long[] LevelProjected { get; } = new long[LevelCount];

    public int UnitsProjectedToMiss { get; internal set; }

    public int UnitsProjectedToMissWithCandidates { get; internal set; }

    public long ProjectedShortfall { get; internal set; }

    public int OverAllocatedParents { get; internal set; }

    public int UnderAllocatedParents { get; internal set; }

    public static bool Misses(ProgressStatus status) => status is ProgressStatus.AtRisk or ProgressStatus.Behind;

    public ScenarioTotals ToTotals(ScenarioTree tree, ReadOnlySpan<int> quotas)
    {
        var levels = new List<LevelTotals>(LevelCount);
        for (var level = 0; level < LevelCount; level++)
        {
            if (LevelUnits[level] > 0)
            {
                levels.Add(new LevelTotals((UnitLevel)level, LevelUnits[level], LevelMissing[level], LevelShortfall[level], LevelQuota[level], LevelProjected[level]));
            }
        }

        return new ScenarioTotals(
            tree.Count,
            UnitsProjectedToMiss,
            ProjectedShortfall,
            tree.Count == 0 ? 0 : quotas[0],
            tree.Count == 0 ? 0 : ChildrenQuota[0],
            OverAllocatedParents,
            UnderAllocatedParents,
            levels,
            tree.Count == 0 ? 0 : tree.Projected[0],
            tree.Count == 0 ? 0 : tree.ProjectedWithCandidates[0],
            UnitsProjectedToMissWithCandidates);
    }
}
