using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Candidates;

/// <summary>
/// A unit's candidate sources as a reader sees them for one year: the candidates now at each stage (stage name → count)
/// with their breakdowns, the year's introductions by introducer and its outcomes, the open cases past a deadline, and
/// the year-end forecast with the candidates past the branch resolution counted as likely admissions.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PipelineView(
    IReadOnlyDictionary<string, int> AtStage,
    IReadOnlyDictionary<string, Breakdown> Breakdowns,
    IReadOnlyDictionary<string, int> IntroducedBy,
    int Overdue,
    int PastResolution,
    int BecameOfficial,
    int NotConfirmed,
    int Dropped,
    int Projected,
    int ProjectedWithCandidates)
{
    public static PipelineView From(PipelineFigures? figures, int year, DateOnly today, int projected)
    {
        figures ??= new PipelineFigures([], System.Collections.Immutable.ImmutableDictionary<int, int>.Empty, System.Collections.Immutable.ImmutableDictionary<int, PipelineYear>.Empty);
        var stages = Enum.GetValues<CandidateStage>();
        var ofYear = figures.For(year);

        // Only this year's forecast can count candidates in the pipeline now; a past year's figures are final.
        var likely = year == today.Year ? figures.PastResolution : 0;
        return new PipelineView(
            stages.ToDictionary(s => JsonNames.Of(s), figures.At),
            stages.Where(s => figures.At(s) > 0).ToDictionary(s => JsonNames.Of(s), s => UnitGrain.BreakdownOf(figures.TallyAt(s))),
            Enum.GetValues<Introducer>().ToDictionary(i => JsonNames.Of(i), ofYear.IntroducedBy),
            figures.OverdueOn(today),
            figures.PastResolution,
            ofYear.Official,
            ofYear.NotConfirmed,
            ofYear.Dropped,
            projected,
            projected + likely);
    }
}
