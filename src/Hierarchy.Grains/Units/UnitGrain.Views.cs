using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Closing;
using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Units;

public sealed partial class UnitGrain
{
    public Task<UnitView?> GetViewAsync(int year, DateOnly today)
    {
        if (!Exists)
        {
            return Task.FromResult<UnitView?>(null);
        }

        var summary = BuildSummary();
        var figures = summary.For(year);
        var lastYear = summary.For(year - 1);
        var progress = Projections.Progress(year, today);
        var thisWeek = year == today.Year ? Tally.WeekOf(today) : year < today.Year ? Tally.Weeks - 1 : -1;
        var admitted = figures.Tally.Count;
        var projected = Projections.Project(admitted, progress);
        var children = State.Children.Values
            .Select(c =>
            {
                var child = c.For(year);
                var childProjected = Projections.Project(child.Tally.Count, progress);
                return new ChildView(c.Id, c.Name, c.Level, child.Quota, child.Tally.Count, Ratio(child.Tally.Count, child.Quota), childProjected, child.MembersAtStart, Projections.Status(childProjected, child.Quota), c.QuotaVersion, c.Kind, ChildCandidates.From(c.Pipeline, year, today), YearClosing.Of(c.Closings, year), ChildIndicators(c, year, child));
            })
            .OrderBy(c => c.Name, UnitNameOrder.Comparer)
            .ToList();
        int? termAdmitted = State.Term is { } term
            ? summary.Years.Where(y => y.Key >= term.FromYear && y.Key <= term.ToYear).Sum(y => y.Value.Tally.Count)
            : null;

        var view = new UnitView(
            Id,
            State.Name!,
            State.Level,
            State.ParentId,
            year,
            figures.Quota,
            admitted,
            figures.MembersAtStart,
            Ratio(admitted, figures.Quota),
            Ratio(admitted, figures.MembersAtStart),
            projected,
            Projections.Status(projected, figures.Quota),
            children.Sum(c => c.Quota),
            BreakdownOf(figures.Tally),
            new LastYearView(thisWeek < 0 ? 0 : lastYear.Tally.AdmittedThroughWeek(thisWeek), lastYear.Quota, lastYear.Tally.Count),
            children,
            State.Version,
            State.QuotaVersion,
            State.UpdatedAt,
            State.Term,
            termAdmitted,
            Weekly(figures.Tally),
            Weekly(lastYear.Tally),
            RecentList.ToList(),
            progress.DaysElapsed,
            progress.DaysInYear,
            State.Kind,
            State.RetiredOn,
            State.Predecessors.ToList(),
            State.Successors.ToList(),
            PipelineView.From(summary.Pipeline, year, today, projected),
            OwnClosings,
            IndicatorView.From(year, summary.Indicators?.GetValueOrDefault(year), figures.MembersAtStart + admitted, summary.Pipeline?.For(year).YouthUnion ?? 0, State.Indicators.GetValueOrDefault(year)?.Figures, State.IndicatorsVersion));
        return Task.FromResult<UnitView?>(view);
    }

    public static Breakdown BreakdownOf(Tally tally) => new(
        tally[Tally.YouthUnion],
        tally[Tally.Women],
        tally[Tally.EthnicMinority],
        tally[Tally.Religious],
        tally[Tally.PrivateBusinessOwner],
        AgeBands.Labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => tally[Tally.AgeBand + x.i]),
        tally.AverageAge is { } average ? Math.Round(average, 1) : null,
        Enum.GetValues<Education>().ToDictionary(e => JsonNames.Of(e), e => tally[Tally.Education + (int)e]),
        Enum.GetValues<Occupation>().ToDictionary(o => JsonNames.Of(o), o => tally[Tally.Occupation + (int)o]));

    private static IndicatorView? ChildIndicators(UnitSummary child, int year, YearFigures figures)
    {
        var view = IndicatorView.From(year, child.Indicators?.GetValueOrDefault(year), figures.MembersAtStart + figures.Tally.Count, child.Pipeline?.For(year).YouthUnion ?? 0);
        return view.HasAny ? view : null;
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static int[] Weekly(Tally tally)
    {
        var weeks = new int[Tally.Weeks];
        for (var i = 0; i < Tally.Weeks; i++)
        {
            weeks[i] = tally[Tally.Week + i];
        }

        return weeks;
    }
}
