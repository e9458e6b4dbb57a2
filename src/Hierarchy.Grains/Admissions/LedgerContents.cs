namespace Hierarchy.Grains.Admissions;

/// <summary>The whole admission ledger as read from storage: the admissions still counted, and how many rows of each kind it holds.</summary>
[GenerateSerializer, Immutable]
public sealed record LedgerContents(IReadOnlyList<(string BranchId, AdmissionRecord Record)> Counted, int Admissions, int Corrections);
