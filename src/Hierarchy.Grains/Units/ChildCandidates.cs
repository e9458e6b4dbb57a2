using Hierarchy.Grains.Candidates;

namespace Hierarchy.Grains.Units;

/// <summary>A child's candidate sources in a parent's table: open cases, those past the branch resolution, the overdue, and the year's introductions.</summary>
[GenerateSerializer, Immutable]
public sealed record ChildCandidates(int Open, int PastResolution, int Overdue, int Introduced)
{
    public static ChildCandidates? From(PipelineFigures? figures, int year, DateOnly today)
    {
        if (figures is null)
        {
            return null;
        }

        var open = 0;
        for (var stage = CandidateStage.Introduced; stage <= CandidateStage.Probationary; stage++)
        {
            open += figures.At(stage);
        }

        return new ChildCandidates(open, figures.PastResolution, figures.OverdueOn(today), figures.For(year).Introduced);
    }
}
