namespace Hierarchy.Grains.Admissions;

/// <summary>A ledger row that retracts an earlier admission; totals everywhere drop by it.</summary>
[GenerateSerializer, Immutable]
public sealed record Correction(string AdmissionId, string Reason, DateTimeOffset At, string By);
