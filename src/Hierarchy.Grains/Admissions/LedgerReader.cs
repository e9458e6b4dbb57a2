using Hierarchy.Storage;
using Orleans.Runtime;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Admissions;

/// <summary>Reads every branch's ledger straight from storage and drops the retracted admissions.</summary>
public static class LedgerReader
{
    public static async Task<LedgerContents> ReadAsync(IJournalStorage journal, CancellationToken cancellationToken = default)
    {
        var records = new Dictionary<(string Branch, string Id), AdmissionRecord>();
        var retracted = new HashSet<(string, string)>();
        var admissions = 0;
        var corrections = 0;
        await foreach (var (grainId, entry) in journal.ReadAllJournalAsync(UnitGrain.GrainTypeName, null, cancellationToken))
        {
            var branch = grainId.Key.ToString()!;
            if (entry.Kind == LedgerKinds.Admission)
            {
                var record = LedgerKinds.ReadAdmission(entry);
                records[(branch, record.Id)] = record;
                admissions++;
            }
            else if (entry.Kind == LedgerKinds.Correction)
            {
                retracted.Add((branch, LedgerKinds.ReadCorrection(entry).AdmissionId));
                corrections++;
            }
        }

        var counted = records.Where(r => !retracted.Contains(r.Key)).Select(r => (r.Key.Branch, r.Value)).ToList();
        return new LedgerContents(counted, admissions, corrections);
    }

    /// <summary>Every admission with the moments it was recorded and retracted, for figures kept as they were at a moment.</summary>
    public static async Task<IReadOnlyList<TimedLedgerRow>> ReadTimedAsync(IJournalStorage journal, CancellationToken cancellationToken = default)
    {
        var records = new Dictionary<(string Branch, string Id), (int Year, DateTimeOffset RecordedAt)>();
        var retracted = new Dictionary<(string, string), DateTimeOffset>();
        await foreach (var (grainId, entry) in journal.ReadAllJournalAsync(UnitGrain.GrainTypeName, null, cancellationToken))
        {
            var branch = grainId.Key.ToString()!;
            if (entry.Kind == LedgerKinds.Admission)
            {
                var record = LedgerKinds.ReadAdmission(entry);
                records[(branch, record.Id)] = (record.Report.AdmittedOn.Year, entry.RecordedAt);
            }
            else if (entry.Kind == LedgerKinds.Correction)
            {
                retracted.TryAdd((branch, LedgerKinds.ReadCorrection(entry).AdmissionId), entry.RecordedAt);
            }
        }

        return records.Select(r => new TimedLedgerRow(r.Key.Branch, r.Value.Year, r.Value.RecordedAt, retracted.TryGetValue(r.Key, out var at) ? at : null)).ToList();
    }
}
