namespace Hierarchy.Grains.Verification;

[GenerateSerializer, Immutable]
public sealed record VerificationReport(int UnitsChecked, int LedgerAdmissions, int LedgerCorrections, IReadOnlyList<Difference> Differences, bool Repaired)
{
    public bool IsConsistent => Differences.Count == 0;
}
