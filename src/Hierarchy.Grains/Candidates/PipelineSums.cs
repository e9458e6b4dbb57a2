using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Candidates;

/// <summary>
/// Running sums of candidate figures: a branch adds its candidates, a parent adds and takes away its children's
/// figures as their summaries replace each other. The snapshot is built only when something changed since the last.
/// </summary>
public sealed class PipelineSums
{
    private readonly int[][] atStage = Enumerable.Range(0, PipelineFigures.StageCount).Select(_ => new int[Tally.Length]).ToArray();
    private readonly Dictionary<int, int> due = [];
    private readonly Dictionary<int, PipelineYear> years = [];
    private PipelineFigures? snapshot;
    private bool changed;
    private bool any;

    public void Add(Candidate candidate, WorkingCalendar calendar)
    {
        var counted = Tally.Empty.With(candidate.AsCounted(), +1).Values.AsSpan();
        Add(atStage[(int)candidate.Stage], counted, +1);
        if (candidate.DueOn(calendar) is { } dueOn)
        {
            ref var cases = ref CollectionsMarshal.GetValueRefOrAddDefault(due, dueOn.DayNumber, out _);
            cases++;
        }

        AddYear(candidate.Proposal.IntroducedOn.Year, PipelineYear.Empty.WithIntroduction(candidate.Proposal.IntroducedBy), +1);
        foreach (var step in candidate.Steps)
        {
            if (step.Stage == CandidateStage.Official)
            {
                AddYear(step.On.Year, PipelineYear.Empty with { Official = 1 }, +1);
            }
        }

        if (candidate.DroppedFrom is { } from)
        {
            var dropped = candidate.Steps.Last(s => s.Stage == CandidateStage.Dropped);
            AddYear(dropped.On.Year, from >= CandidateStage.Admitted ? PipelineYear.Empty with { NotConfirmed = 1 } : PipelineYear.Empty with { Dropped = 1 }, +1);
        }

        Touch();
    }

    public void Add(PipelineFigures? figures, int sign)
    {
        if (figures is null)
        {
            return;
        }

        if (!figures.AtStage.IsDefaultOrEmpty)
        {
            for (var s = 0; s < PipelineFigures.StageCount; s++)
            {
                var tally = figures.AtStage[s];
                if (!tally.Values.IsDefaultOrEmpty)
                {
                    Add(atStage[s], tally.Values.AsSpan(), sign);
                }
            }
        }

        foreach (var (day, cases) in figures.Due)
        {
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(due, day, out _);
            total += sign * cases;
        }

        foreach (var (year, figuresOfYear) in figures.Years)
        {
            AddYear(year, figuresOfYear, sign);
        }

        Touch();
    }

    /// <summary>The sums as figures a summary may carry; null when nothing was ever added.</summary>
    public PipelineFigures? ToFigures()
    {
        if (!any)
        {
            return null;
        }

        if (changed || snapshot is null)
        {
            snapshot = new PipelineFigures(
                [.. atStage.Select(values => new Tally(ImmutableArray.Create(values)))],
                due.Where(d => d.Value != 0).ToImmutableDictionary(),
                years.Where(y => !y.Value.IsEmpty).ToImmutableDictionary());
            changed = false;
        }

        return snapshot;
    }

    private static void Add(int[] target, ReadOnlySpan<int> source, int sign)
    {
        for (var i = 0; i < target.Length && i < source.Length; i++)
        {
            target[i] += sign * source[i];
        }
    }

    private void AddYear(int year, PipelineYear figures, int sign)
    {
        years[year] = (years.TryGetValue(year, out var current) ? current : PipelineYear.Empty).Plus(figures, sign);
    }

    private void Touch()
    {
        changed = true;
        any = true;
    }
}
