namespace Hierarchy.Grains.Rollup;

/// <summary>A recent admission as the live feed shows it: where and when, never who.</summary>
[GenerateSerializer, Immutable]
public sealed record FeedItem(string AdmissionId, string BranchId, string BranchName, DateOnly AdmittedOn, DateTimeOffset RecordedAt);
