using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Candidates;

/// <summary>
/// A candidate as the branch first records them. The idempotency key makes a retried request record them once; the
/// name and the personal details stay at the branch, above which only counts travel.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CandidateProposal(
    string IdempotencyKey,
    Introducer IntroducedBy,
    DateOnly IntroducedOn,
    Gender Gender,
    DateOnly BirthDate,
    bool YouthUnion,
    bool EthnicMinority,
    bool Religious,
    bool PrivateBusinessOwner,
    Education Education,
    Occupation Occupation,
    string? Name = null);
