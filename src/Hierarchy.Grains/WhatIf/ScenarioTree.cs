using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// A snapshot flattened into arrays in breadth-first order: the root at 0, every parent before its children, and the
/// children of a unit contiguous (in ordinal id order) from <see cref="FirstChild"/>. Recomputing a scenario is then a
/// single pass over plain arrays, with nothing to chase or allocate.
/// </summary>
public sealed class ScenarioTree
{
    private readonly Dictionary<string, int> indexById;

    private ScenarioTree(int count)
    {
        Count = count;
        Ids = new string[count];
        Names = new string[count];
        Levels = new UnitLevel[count];
        Parent = new int[count];
        FirstChild = new int[count];
        ChildCount = new int[count];
        LiveQuota = new int[count];
        QuotaVersion = new long[count];
        MembersAtStart = new int[count];
        Admitted = new int[count];
        Projected = new int[count];
        LastYearAdmitted = new int[count];
        LastYearQuota = new int[count];
        Candidates = new int[count * PipelineFigures.StageCount];
        ProjectedWithCandidates = new int[count];
        indexById = new Dictionary<string, int>(count, StringComparer.Ordinal);
    }

    public int Count { get; }

    public string[] Ids { get; }

    public string[] Names { get; }

    public UnitLevel[] Levels { get; }

    /// <summary>The parent's index, or -1 at the root.</summary>
    public int[] Parent { get; }

    public int[] FirstChild { get; }

    public int[] ChildCount { get; }

    public int[] LiveQuota { get; }

    public long[] QuotaVersion { get; }

    public int[] MembersAtStart { get; }

    public int[] Admitted { get; }

    /// <summary>Year-end admissions by run rate; a quota edit cannot change them, so they are computed once.</summary>
    public int[] Projected { get; }

    public int[] LastYearAdmitted { get; }

    /// <summary>Candidates at each stage, <see cref="PipelineFigures.StageCount"/> per unit in stage order.</summary>
    public int[] Candidates { get; }

    /// <summary>The run-rate projection with the candidates past the branch resolution counted as likely admissions.</summary>
    public int[] ProjectedWithCandidates { get; }

    public int[] LastYearQuota { get; }

    /// <summary>The root's parent outside the scenario, if any.</summary>
    public string? RootParentId { get; private set; }

    public int CandidatesAt(int index, CandidateStage stage) => Candidates[index * PipelineFigures.StageCount + (int)stage];

    /// <summary>Candidates at the stage or further on the way to membership, the dropped not counted.</summary>
    public int CandidatesAtOrPast(int index, CandidateStage stage)
    {
        var total = 0;
        for (var s = stage; s <= CandidateStage.Official; s++)
        {
            total += CandidatesAt(index, s);
        }

        return total;
    }

    public int PastResolution(int index) => CandidatesAt(index, CandidateStage.Resolution) + CandidatesAt(index, CandidateStage.Decision);

    public int IndexOf(string? id) => id is not null && indexById.TryGetValue(id, out var index) ? index : -1;

    public Range ChildrenOf(int index) => new(FirstChild[index], FirstChild[index] + ChildCount[index]);

    public string? ParentIdOf(int index) => Parent[index] < 0 ? RootParentId : Ids[Parent[index]];

    /// <summary>Flattens a snapshot; units not reachable from the root (none, unless the snapshot is damaged) are left out.</summary>
    public static ScenarioTree Build(string rootUnitId, IReadOnlyList<SnapshotUnit> units, YearProgress progress)
    {
        var byParent = new Dictionary<string, List<SnapshotUnit>>(StringComparer.Ordinal);
        SnapshotUnit? root = null;
        foreach (var unit in units)
        {
            if (unit.Id == rootUnitId)
            {
                root = unit;
            }
            else if (unit.ParentId is not null)
            {
                if (!byParent.TryGetValue(unit.ParentId, out var siblings))
                {
                    byParent[unit.ParentId] = siblings = [];
                }

                siblings.Add(unit);
            }
        }

        if (root is null)
        {
            throw new ArgumentException($"The snapshot does not contain its root '{rootUnitId}'.", nameof(units));
        }

        var order = new List<(SnapshotUnit Unit, int Parent)>(units.Count) { (root, -1) };
        for (var next = 0; next < order.Count; next++)
        {
            if (byParent.Remove(order[next].Unit.Id, out var children))
            {
                children.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
                foreach (var child in children)
                {
                    order.Add((child, next));
                }
            }
        }

        var tree = new ScenarioTree(order.Count) { RootParentId = root.ParentId };
        for (var i = 0; i < order.Count; i++)
        {
            var (unit, parent) = order[i];
            tree.Ids[i] = unit.Id;
            tree.Names[i] = unit.Name;
            tree.Levels[i] = unit.Level;
            tree.Parent[i] = parent;
            tree.LiveQuota[i] = unit.Quota;
            tree.QuotaVersion[i] = unit.QuotaVersion;
            tree.MembersAtStart[i] = unit.MembersAtStart;
            tree.Admitted[i] = unit.Admitted;
            tree.Projected[i] = Projections.Project(unit.Admitted, progress);
            tree.LastYearAdmitted[i] = unit.LastYearAdmitted;
            tree.LastYearQuota[i] = unit.LastYearQuota;
            if (unit.Candidates is { } candidates)
            {
                candidates.AsSpan(0, Math.Min(candidates.Length, PipelineFigures.StageCount)).CopyTo(tree.Candidates.AsSpan(i * PipelineFigures.StageCount));
            }

            tree.ProjectedWithCandidates[i] = tree.Projected[i] + tree.PastResolution(i);
            tree.indexById[unit.Id] = i;
            if (parent >= 0)
            {
                if (tree.ChildCount[parent] == 0)
                {
                    tree.FirstChild[parent] = i;
                }

                tree.ChildCount[parent]++;
            }
        }

        return tree;
    }
}
