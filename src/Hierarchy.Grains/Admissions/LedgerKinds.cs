using System.Text.Json;
using Hierarchy.Storage;
using Orleans.Runtime;

namespace Hierarchy.Grains.Admissions;

/// <summary>The kinds of rows in a unit's journal and their JSON payloads; the admission rows form the ledger.</summary>
public static class LedgerKinds
{
    public const string Admission = "admission";
    public const string Correction = "correction";

    public static JournalEntry ForAdmission(AdmissionRecord record) =>
        new($"{Admission}:{record.Report.IdempotencyKey}", Admission, JsonSerializer.Serialize(record, GrainStateSerializer.Options), record.RecordedAt);

    public static JournalEntry ForCorrection(Correction correction) =>
        new($"{Correction}:{correction.AdmissionId}", Correction, JsonSerializer.Serialize(correction, GrainStateSerializer.Options), correction.At);

    public static JournalEntry Change(string kind, string key, ChangeRecord change, DateTimeOffset at) =>
        new(key, kind, JsonSerializer.Serialize(change, GrainStateSerializer.Options), at);

    public static AdmissionRecord ReadAdmission(JournalEntry entry) =>
        JsonSerializer.Deserialize<AdmissionRecord>(entry.Payload, GrainStateSerializer.Options)!;

    public static Correction ReadCorrection(JournalEntry entry) =>
        JsonSerializer.Deserialize<Correction>(entry.Payload, GrainStateSerializer.Options)!;

    public static ChangeRecord ReadChange(JournalEntry entry) =>
        JsonSerializer.Deserialize<ChangeRecord>(entry.Payload, GrainStateSerializer.Options)!;
}
