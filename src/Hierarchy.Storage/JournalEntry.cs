namespace Hierarchy.Storage;

/// <summary>
/// One append-only row in a grain's journal (for example one admission in a branch's ledger).
/// <paramref name="Key"/> is unique per grain; <paramref name="Payload"/> is JSON; <paramref name="Sequence"/> is assigned by the store.
/// </summary>
public sealed record JournalEntry(string Key, string Kind, string Payload, DateTimeOffset RecordedAt, long Sequence = 0);
