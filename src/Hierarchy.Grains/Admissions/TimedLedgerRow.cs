namespace Hierarchy.Grains.Admissions;

/// <summary>An admission of the ledger with when it was recorded and, if it was, retracted.</summary>
public sealed record TimedLedgerRow(string BranchId, int Year, DateTimeOffset RecordedAt, DateTimeOffset? RetractedAt);
