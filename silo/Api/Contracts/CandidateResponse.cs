using System.Text.Json.Serialization;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// A branch's candidate as the API shows it: the stage reached and when, every step, when the next step is due under
/// the rules (<c>dueOn</c>, <c>overdue</c>), and the admission the ceremony recorded. The name is there only for the
/// branch's own secretary.
/// </summary>
public sealed record CandidateResponse(
    string Id,
    string BranchId,
    string IdempotencyKey,
    Introducer IntroducedBy,
    DateOnly IntroducedOn,
    Gender Gender,
    int Age,
    bool YouthUnion,
    bool EthnicMinority,
    bool Religious,
    bool PrivateBusinessOwner,
    Education Education,
    Occupation Occupation,
    CandidateStage Stage,
    DateOnly StageOn,
    DateOnly? CourseValidUntil,
    DateOnly? ProbationEnds,
    DateOnly? DueOn,
    bool Overdue,
    string? AdmissionId,
    IReadOnlyList<CandidateStepResponse> Steps,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name)
{
    public static CandidateResponse From(Candidate candidate, bool withName, WorkingCalendar calendar, DateOnly today)
    {
        var due = candidate.DueOn(calendar);
        var proposal = candidate.Proposal;
        return new CandidateResponse(
            candidate.Id,
            candidate.BranchId,
            proposal.IdempotencyKey,
            proposal.IntroducedBy,
            proposal.IntroducedOn,
            proposal.Gender,
            AgeBands.AgeOn(proposal.BirthDate, today),
            proposal.YouthUnion,
            proposal.EthnicMinority,
            proposal.Religious,
            proposal.PrivateBusinessOwner,
            proposal.Education,
            proposal.Occupation,
            candidate.Stage,
            candidate.StageOn,
            candidate.CourseOn?.AddYears(Candidate.CourseValidYears),
            candidate.AdmittedOn is { } ceremony ? CandidateDeadlines.ProbationEnds(ceremony) : null,
            due,
            due is { } d && d < today,
            candidate.AdmittedOn is null ? null : AdmissionIds.For(candidate.BranchId, candidate.AdmissionKey),
            candidate.Steps.IsDefaultOrEmpty ? [] : candidate.Steps.Select(s => new CandidateStepResponse(s.Stage, s.On, s.RecordedAt, s.By, s.Reason)).ToList(),
            candidate.RecordedAt,
            candidate.RecordedBy,
            withName ? proposal.Name : null);
    }
}
