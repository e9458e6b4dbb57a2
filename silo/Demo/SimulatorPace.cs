using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Demo;

/// <summary>
/// How fast and where the demo reports, so that its story holds: a simulated business day passes in
/// <see cref="SimulatorOptions.SecondsPerDay"/> and brings what a day of the season brings, and each unit keeps
/// its own pace, so the districts behind stay behind and those ahead stay ahead.
/// </summary>
public static class SimulatorPace
{
    /// <summary>The slowest pace, so that a quiet season still shows the live dashboard moving now and then.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Admissions a day at this time of year: this year's run rate, shaped by how last year's admissions fell in the
    /// same week (the season), since admissions bunch around anniversaries and the year-end push.
    /// </summary>
    public static double AdmissionsPerDay(UnitView view, DateOnly today)
    {
        if (view.DaysElapsed <= 0 || view.Admitted <= 0)
        {
            return 0;
        }

        var runRate = (double)view.Admitted / view.DaysElapsed;
        var lastYear = view.LastYear.AdmittedFullYear;
        var week = Tally.WeekOf(today);
        if (lastYear <= 0 || week >= view.LastYearWeekly.Count)
        {
            return runRate;
        }

        // The week's share of last year against an even share; a week with nothing last year still gets some.
        var season = view.LastYearWeekly[week] / 7.0 / (lastYear / 365.0);
        return runRate * Math.Clamp(season, 0.25, 4);
    }

    /// <summary>The mean wait between reports for that many admissions a simulated day, within the configured bounds.</summary>
    public static TimeSpan MeanWait(double admissionsPerDay, SimulatorOptions options)
    {
        var shortest = TimeSpan.FromSeconds(options.IntervalSeconds);
        if (admissionsPerDay <= 0)
        {
            return LongestWait;
        }

        var wait = TimeSpan.FromSeconds(options.SecondsPerDay / admissionsPerDay);
        return wait < shortest ? shortest : wait > LongestWait ? LongestWait : wait;
    }

    /// <summary>
    /// A child chosen in proportion to what it has admitted so far (plus one, so a unit still at zero may start):
    /// each then grows at its own pace and the spread between them stays.
    /// </summary>
    public static int PickByPace(IReadOnlyList<int> admitted, Random random)
    {
        var total = admitted.Sum(a => (long)Math.Max(0, a) + 1);
        var pick = random.NextInt64(total);
        for (var i = 0; i < admitted.Count; i++)
        {
            pick -= Math.Max(0, admitted[i]) + 1;
            if (pick < 0)
            {
                return i;
            }
        }

        return admitted.Count - 1;
    }
}
