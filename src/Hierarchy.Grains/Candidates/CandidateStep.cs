namespace Hierarchy.Grains.Candidates;

/// <summary>One stage a candidate reached, as the branch's journal records it.</summary>
[GenerateSerializer, Immutable]
public sealed record CandidateStep(string CandidateId, CandidateStage Stage, DateOnly On, DateTimeOffset RecordedAt, string By, string? Reason = null);
