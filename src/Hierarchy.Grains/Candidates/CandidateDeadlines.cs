namespace Hierarchy.Grains.Candidates;

/// <summary>The deadlines the rules set for the steps after the branch resolution.</summary>
public static class CandidateDeadlines
{
    public static DateOnly? NextDue(CandidateStage stage, DateOnly on, WorkingCalendar calendar) => stage switch
    {
        CandidateStage.Resolution => calendar.AddWorkingDays(on, 60),
        CandidateStage.Decision => calendar.AddWorkingDays(on, 30),
        CandidateStage.Admitted or CandidateStage.Probationary => calendar.AddWorkingDays(ProbationEnds(on), 30),
        _ => null,
    };

    public static DateOnly ProbationEnds(DateOnly ceremony) => ceremony.AddMonths(12);
}
