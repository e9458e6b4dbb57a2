namespace Hierarchy.Grains.Verification;

/// <summary>A unit whose total for a year differs from what its subtree's ledger says.</summary>
[GenerateSerializer, Immutable]
public sealed record Difference(string UnitId, int Year, int ExpectedAdmitted, int ActualAdmitted, string Detail);
