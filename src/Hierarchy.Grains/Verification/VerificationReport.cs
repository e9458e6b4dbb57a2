namespace Hierarchy.Grains.Verification;

public sealed record VerificationReport(int UnitsChecked, int LedgerAdmissions, int LedgerCorrections, IReadOnlyList<Difference> Differences, bool Repaired)
{
    public bool IsConsistent => Differences.Count == 0;
}
