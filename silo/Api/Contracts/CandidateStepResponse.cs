using Hierarchy.Grains.Candidates;

namespace Hierarchy.Silo.Api.Contracts;

public sealed record CandidateStepResponse(CandidateStage Stage, DateOnly On, DateTimeOffset RecordedAt, string RecordedBy, string? Reason);
