namespace Hierarchy.Fault.Tests.Support;

/// <summary>The promise the fault tests check: every acknowledged report counted exactly once, nothing never sent.</summary>
public static class LedgerAssert
{
    public static void ExactlyOnce(IngestLoad load, IReadOnlyList<string> ledgerKeys)
    {
        var duplicates = ledgerKeys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{duplicates.Count} keys are in the ledger more than once, e.g. {duplicates.FirstOrDefault()}");

        var inLedger = ledgerKeys.ToHashSet();
        var lost = load.Acknowledged.Keys.Where(k => !inLedger.Contains(k)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {load.Acknowledged.Count} acknowledged reports are not in the ledger, e.g. {lost.FirstOrDefault()}");

        var invented = inLedger.Where(k => !load.Sent.ContainsKey(k)).ToList();
        Assert.True(invented.Count == 0, $"{invented.Count} ledger admissions were never sent, e.g. {invented.FirstOrDefault()}");
    }
}
