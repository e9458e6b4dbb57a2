using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Units;

/// <summary>The answer to a quota change: the quota and quota version now in force, and why it was refused if it was.</summary>
[GenerateSerializer, Immutable]
public sealed record QuotaResult(QuotaOutcome Outcome, int Quota, long QuotaVersion, ValidationError? Error = null);
