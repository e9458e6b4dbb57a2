namespace Hierarchy.Grains.Units;

/// <summary>Run-rate projection to year end and the status it gives against a quota.</summary>
public static class Projections
{
    /// <summary>Projected within 15 % of the quota counts as at risk rather than behind.</summary>
    public const double AtRiskShare = 0.85;

    public static YearProgress Progress(int year, DateOnly today)
    {
        var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
        var elapsed = year < today.Year ? daysInYear : year > today.Year ? 0 : today.DayOfYear;
        return new YearProgress(elapsed, daysInYear);
    }

    public static int Project(int admitted, YearProgress progress) =>
        progress.DaysElapsed >= progress.DaysInYear || progress.DaysElapsed == 0
            ? admitted
            : (int)Math.Round(admitted * (double)progress.DaysInYear / progress.DaysElapsed);

    public static ProgressStatus Status(int projected, int quota) =>
        quota <= 0 ? ProgressStatus.NoQuota
        : projected >= quota ? ProgressStatus.OnTrack
        : projected >= quota * AtRiskShare ? ProgressStatus.AtRisk
        : ProgressStatus.Behind;
}
