using System.Collections.Immutable;
using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Candidates;

/// <summary>
/// A candidate of a branch with every stage they reached. The current stage is the furthest one, or <see cref="CandidateStage.Dropped"/>
/// once dropped: a second course (a certificate renewed) does not move a candidate back.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Candidate(string Id, string BranchId, CandidateProposal Proposal, DateTimeOffset RecordedAt, string RecordedBy, ImmutableArray<CandidateStep> Steps)
{
    /// <summary>The course certificate on awareness of the Party is valid for five years.</summary>
    public const int CourseValidYears = 5;

    public CandidateStage Stage => CurrentStep?.Stage ?? CandidateStage.Introduced;

    /// <summary>The day the current stage was reached.</summary>
    public DateOnly StageOn => CurrentStep?.On ?? Proposal.IntroducedOn;

    /// <summary>The day of the latest step of any kind: a new step may not be dated before it.</summary>
    public DateOnly LastOn => Steps.IsDefaultOrEmpty ? Proposal.IntroducedOn : Steps.Max(s => s.On);

    public DateOnly? CourseOn => LatestOn(CandidateStage.Course);

    /// <summary>The day of the admission ceremony, from which probation runs.</summary>
    public DateOnly? AdmittedOn => LatestOn(CandidateStage.Admitted);

    public bool IsOpen => Stage is not (CandidateStage.Official or CandidateStage.Dropped);

    /// <summary>The admission the ceremony recorded in the branch's ledger, under a key of its own.</summary>
    public string AdmissionKey => "candidate:" + Id;

    /// <summary>The stage the candidate had reached when dropped; null unless dropped.</summary>
    public CandidateStage? DroppedFrom => Stage == CandidateStage.Dropped
        ? Steps.Where(s => s.Stage != CandidateStage.Dropped).Select(s => (CandidateStage?)s.Stage).DefaultIfEmpty(CandidateStage.Introduced).Max()
        : null;

    public Candidate WithoutName() => Proposal.Name is null ? this : this with { Proposal = Proposal with { Name = null } };

    public Candidate With(CandidateStep step) => this with { Steps = Steps.IsDefault ? [step] : Steps.Add(step) };

    /// <summary>When the next step is due under the rules, or null when the current stage sets no deadline.</summary>
    public DateOnly? DueOn(WorkingCalendar calendar) => Stage switch
    {
        CandidateStage.Resolution or CandidateStage.Decision => CandidateDeadlines.NextDue(Stage, StageOn, calendar),
        CandidateStage.Admitted or CandidateStage.Probationary when AdmittedOn is { } ceremony => CandidateDeadlines.NextDue(CandidateStage.Admitted, ceremony, calendar),
        _ => null,
    };

    /// <summary>The candidate as the form's breakdowns count them: the person's details, dated at the current stage.</summary>
    public AdmissionRecord AsCounted() => new(
        Id,
        BranchId,
        new AdmissionReport(Id, StageOn, Proposal.Gender, Proposal.BirthDate, Proposal.YouthUnion, Proposal.EthnicMinority, Proposal.Religious, Proposal.PrivateBusinessOwner, Proposal.Education, Proposal.Occupation),
        RecordedAt,
        RecordedBy);

    private CandidateStep? CurrentStep
    {
        get
        {
            if (Steps.IsDefaultOrEmpty)
            {
                return null;
            }

            CandidateStep? current = null;
            foreach (var step in Steps)
            {
                if (current is null || step.Stage == CandidateStage.Dropped || (current.Stage != CandidateStage.Dropped && step.Stage >= current.Stage))
                {
                    current = step;
                }
            }

            return current;
        }
    }

    private DateOnly? LatestOn(CandidateStage stage) =>
        Steps.IsDefaultOrEmpty ? null : Steps.Where(s => s.Stage == stage).Select(s => (DateOnly?)s.On).DefaultIfEmpty(null).Max();
}
