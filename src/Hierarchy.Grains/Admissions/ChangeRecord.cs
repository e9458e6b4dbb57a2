namespace Hierarchy.Grains.Admissions;

/// <summary>A journal row for a change that is not an admission: a quota, members, a term target, a move.</summary>
[GenerateSerializer, Immutable]
public sealed record ChangeRecord(string Detail, string By, DateTimeOffset At);
