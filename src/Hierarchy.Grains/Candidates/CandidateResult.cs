using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Candidates;

/// <summary>What became of a request about a candidate: the candidate as it now stands, or the errors that refused it.</summary>
[GenerateSerializer, Immutable]
public sealed record CandidateResult(CandidateOutcome Outcome, Candidate? Candidate, IReadOnlyList<ValidationError> Errors)
{
    public static CandidateResult Fail(CandidateOutcome outcome, params ValidationError[] errors) => new(outcome, null, errors);
}
