using System.Collections.Immutable;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Candidates;

/// <summary>
/// A unit's candidate sources as it reports them upward, summed over its subtree like admissions: the candidates now at
/// each stage with the form's breakdowns (a <see cref="Tally"/> per stage, in <see cref="CandidateStage"/> order), the days
/// the next steps of open cases fall due (day number → cases; a case is overdue once its day has passed, so the count
/// stays true without anyone touching the unit), and per year the introductions and outcomes.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PipelineFigures(ImmutableArray<Tally> AtStage, ImmutableDictionary<int, int> Due, ImmutableDictionary<int, PipelineYear> Years)
{
    public static readonly int StageCount = Enum.GetValues<CandidateStage>().Length;

    public int At(CandidateStage stage) => TallyAt(stage).Count;

    public Tally TallyAt(CandidateStage stage) => AtStage.IsDefaultOrEmpty ? Tally.Empty : AtStage[(int)stage];

    /// <summary>Candidates now at the given stage or any later one on the way to membership (the dropped not counted).</summary>
    public int AtOrPast(CandidateStage stage)
    {
        var total = 0;
        for (var s = stage; s <= CandidateStage.Official; s++)
        {
            total += At(s);
        }

        return stage == CandidateStage.Dropped ? At(CandidateStage.Dropped) : total;
    }

    /// <summary>Candidates past the branch resolution and not yet admitted: likely admissions of the coming weeks.</summary>
    public int PastResolution => At(CandidateStage.Resolution) + At(CandidateStage.Decision);

    /// <summary>Open cases whose next step was due before the given day.</summary>
    public int OverdueOn(DateOnly today)
    {
        var total = 0;
        foreach (var (day, cases) in Due)
        {
            if (day < today.DayNumber)
            {
                total += cases;
            }
        }

        return total;
    }

    public PipelineYear For(int year) => Years.TryGetValue(year, out var figures) ? figures : PipelineYear.Empty;

    /// <summary>The figures of a branch's candidates; null when it has none, so units without sources send nothing extra.</summary>
    public static PipelineFigures? From(IEnumerable<Candidate> candidates, WorkingCalendar calendar)
    {
        var sums = new PipelineSums();
        foreach (var candidate in candidates)
        {
            sums.Add(candidate, calendar);
        }

        return sums.ToFigures();
    }

    /// <summary>Whether two aggregates count the same (records compare arrays by reference, not by content).</summary>
    public static bool SameCounts(PipelineFigures? a, PipelineFigures? b)
    {
        if (a is null || b is null)
        {
            return (a?.IsEmpty ?? true) && (b?.IsEmpty ?? true);
        }

        for (var s = 0; s < StageCount; s++)
        {
            if (!a.TallyAt((CandidateStage)s).Equals(b.TallyAt((CandidateStage)s)))
            {
                return false;
            }
        }

        return SameEntries(a.Due, b.Due, 0) && SameEntries(a.Years, b.Years, PipelineYear.Empty);
    }

    public bool IsEmpty => (AtStage.IsDefaultOrEmpty || AtStage.All(t => t.Count == 0)) && Due.Values.All(v => v == 0) && Years.Values.All(y => y.IsEmpty);

    private static bool SameEntries<TValue>(ImmutableDictionary<int, TValue> a, ImmutableDictionary<int, TValue> b, TValue zero)
    {
        foreach (var key in a.Keys.Union(b.Keys))
        {
            var left = a.TryGetValue(key, out var l) ? l : zero;
            var right = b.TryGetValue(key, out var r) ? r : zero;
            if (!EqualityComparer<TValue>.Default.Equals(left, right))
            {
                return false;
            }
        }

        return true;
    }
}
