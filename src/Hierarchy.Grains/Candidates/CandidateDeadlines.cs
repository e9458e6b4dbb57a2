namespace Hierarchy.Grains.Candidates;

/// <summary>The deadlines the rules set for the steps after the branch resolution, in working days of <see cref="WorkingCalendar"/>.</summary>
public static class CandidateDeadlines
{
    /// <summary>The deciding committee decides within this many working days of the branch resolution.</summary>
    public const int DecisionWorkingDays = 60;

    /// <summary>The admission ceremony is held within this many working days of the decision.</summary>
    public const int CeremonyWorkingDays = 30;

    /// <summary>Probation runs this many months from the ceremony.</summary>
    public const int ProbationMonths = 12;

    /// <summary>The branch considers full membership within this many working days after probation ends.</summary>
    public const int FullMembershipWorkingDays = 30;

    /// <summary>
    /// When the next step is due for a candidate who reached <paramref name="stage"/> on <paramref name="on"/>; null when
    /// the stage sets no deadline. For <see cref="CandidateStage.Admitted"/> and <see cref="CandidateStage.Probationary"/>,
    /// <paramref name="on"/> is the day of the ceremony, from which probation runs.
    /// </summary>
    public static DateOnly? NextDue(CandidateStage stage, DateOnly on, WorkingCalendar calendar) => stage switch
    {
        CandidateStage.Resolution => calendar.AddWorkingDays(on, DecisionWorkingDays),
        CandidateStage.Decision => calendar.AddWorkingDays(on, CeremonyWorkingDays),
        CandidateStage.Admitted or CandidateStage.Probationary => calendar.AddWorkingDays(ProbationEnds(on), FullMembershipWorkingDays),
        _ => null,
    };

    /// <summary>
    /// The day probation is complete: the same day of the month twelve months after the ceremony. A ceremony on 29
    /// February ends on 28 February, because a period counted in months ends on the last day of the final month when
    /// that month has no such day (the Civil Code's rule), never on 1 March.
    /// </summary>
    public static DateOnly ProbationEnds(DateOnly ceremony)
    {
        var month = new DateOnly(ceremony.Year, ceremony.Month, 1).AddMonths(ProbationMonths);
        var day = Math.Min(ceremony.Day, DateTime.DaysInMonth(month.Year, month.Month));
        return new DateOnly(month.Year, month.Month, day);
    }
}
