using System.Globalization;
using Orleans.Storage;


namespace Hierarchy.Storage.Internal;

/// <summary>
/// One caller's write waiting in the group-commit queue. The writer loop records the outcome while the
/// transaction is open, but the caller only learns it after the commit, so nothing is acknowledged early.
/// </summary>
internal sealed class WriteRequest
{
    private WriteRequest(
        WriteOperation operation,
        string grainType,
        string stateName,
        string grainKey,
        long? expectedETag,
        string? expectedETagText,
        StatePayload payload,
        bool wake,
        IReadOnlyList<JournalEntry> entries)
    {
        Operation = operation;
        GrainType = grainType;
        StateName = stateName;
        GrainKey = grainKey;
        ExpectedETag = expectedETag;
        ExpectedETagText = expectedETagText;
        Payload = payload;
        Wake = wake;
        Entries = entries;
        RepeatedEntryKey = FindRepeatedKey(entries);
    }

    public WriteOperation Operation { get; }

    public string GrainType { get; }

    public string StateName { get; }

    public string GrainKey { get; }

    /// <summary>The ETag the caller read; null when the caller believes no record exists.</summary>
    public long? ExpectedETag { get; }

    public string? ExpectedETagText { get; }

    /// <summary>The serialized state; empty for a clear.</summary>
    public StatePayload Payload { get; private set; }

    public bool Wake { get; }

    public IReadOnlyList<JournalEntry> Entries { get; }

    /// <summary>An entry key given twice in this very write, which no database lookup would reveal.</summary>
    public string? RepeatedEntryKey { get; }

    /// <summary>Assigned by the writer loop just before the batch runs.</summary>
    public long NewETag { get; set; }

    public WriteOutcome Outcome { get; private set; }

    public long? StoredETag { get; private set; }

    public string? DuplicateKey { get; private set; }

    /// <summary>
    /// Completed by the queue from a thread-pool item of its own (never from the writer loop), so the callers'
    /// continuations may run inline there.
    /// </summary>
    public TaskCompletionSource<long> Completion { get; } = new();

    public StoredGrainId GrainId => new(GrainType, GrainKey);

    public static WriteRequest Write(StoredGrainId grainId, string stateName, long? expectedETag, string? expectedETagText, StatePayload payload, bool wake, IReadOnlyList<JournalEntry> entries) =>
        new(WriteOperation.Write, grainId.Type, stateName, grainId.Key, expectedETag, expectedETagText, payload, wake, entries);

    public static WriteRequest Append(StoredGrainId grainId, string stateName, long? expectedETag, string? expectedETagText, bool wake, IReadOnlyList<JournalEntry> entries) =>
        new(WriteOperation.Append, grainId.Type, stateName, grainId.Key, expectedETag, expectedETagText, default, wake, entries);

    public static WriteRequest Clear(StoredGrainId grainId, string stateName, long? expectedETag, string? expectedETagText) =>
        new(WriteOperation.Clear, grainId.Type, stateName, grainId.Key, expectedETag, expectedETagText, default, false, []);

    /// <summary>Whether a stored ETag (null: no record) satisfies this write's optimistic-concurrency check.</summary>
    public bool ETagMatches(long? stored) => stored == ExpectedETag;

    public void MarkApplied() => Outcome = WriteOutcome.Applied;

    public void MarkStale(long? storedETag)
    {
        Outcome = WriteOutcome.StaleETag;
        StoredETag = storedETag;
    }

    public void MarkDuplicate(string key)
    {
        Outcome = WriteOutcome.DuplicateEntry;
        DuplicateKey = key;
    }

    /// <summary>Hands a pooled payload back; called once the writer is done with the request.</summary>
    public void ReleasePayload()
    {
        Payload.Release();
        Payload = default;
    }

    /// <summary>Completes the caller's task once the transaction that decided the outcome has committed.</summary>
    public void Complete()
    {
        switch (Outcome)
        {
            case WriteOutcome.Applied:
                Completion.TrySetResult(NewETag);
                break;
            case WriteOutcome.DuplicateEntry:
                Completion.TrySetException(new DuplicateJournalEntryException(GrainId.ToString(), DuplicateKey!));
                break;
            case WriteOutcome.StaleETag:
                Completion.TrySetException(StaleException(StoredETag?.ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                Completion.TrySetException(new InvalidOperationException($"The write of state '{StateName}' of {GrainId} was not decided by the batch."));
                break;
        }
    }

    private InconsistentStateException StaleException(string? stored) =>
        new($"ETag mismatch for state '{StateName}' of {GrainId}: the write carried '{ExpectedETagText ?? "(none)"}' but the store holds '{stored ?? "(none)"}'.",
            stored,
            ExpectedETagText);

    private static string? FindRepeatedKey(IReadOnlyList<JournalEntry> entries)
    {
        if (entries.Count < 2)
        {
            return null;
        }

        var seen = new HashSet<string>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!seen.Add(entry.Key))
            {
                return entry.Key;
            }
        }

        return null;
    }
}
