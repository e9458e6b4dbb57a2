using System.Runtime.CompilerServices;
using Hierarchy.Storage.Internal;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hierarchy.Storage;

/// <summary>
/// An in-process journal storage for tests. It keeps serialized JSON, not objects, so a grain can never alias stored state,
/// and it enforces ETags and journal keys exactly as the relational stores do.
/// </summary>
public sealed class MemoryGrainStorage : IJournalStorage
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Type, string Name, string Key), StoredRecord> records = [];
    private readonly Dictionary<(string Type, string Key), List<JournalEntry>> journals = [];
    private long nextETag;
    private long nextSequence;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (gate)
        {
            if (records.TryGetValue(RecordId(stateName, grainId), out var record))
            {
                grainState.State = GrainStateSerializer.Deserialize<T>(record.Json);
                grainState.ETag = record.ETag;
                grainState.RecordExists = true;
                WakeMarks.Set(grainState, record.WakeOnStart);
            }
            else
            {
                grainState.State = GrainStateSerializer.CreateDefault<T>();
                grainState.ETag = null;
                grainState.RecordExists = false;
                WakeMarks.Set(grainState, false);
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAndAppendAsync(stateName, grainId, grainState, []);

    public Task WriteStateAndAppendAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, IReadOnlyList<JournalEntry> entries)
    {
        var json = GrainStateSerializer.Serialize(grainState.State);
        lock (gate)
        {
            var id = RecordId(stateName, grainId);
            CheckETag(id, grainId, grainState.ETag);
            AppendChecked(grainId, entries);
            var etag = (++nextETag).ToString(System.Globalization.CultureInfo.InvariantCulture);
            records[id] = new StoredRecord(json, etag, WakeMarks.Of(grainState));
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task AppendAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, IReadOnlyList<JournalEntry> entries)
    {
        lock (gate)
        {
            var id = RecordId(stateName, grainId);
            CheckETag(id, grainId, grainState.ETag);
            AppendChecked(grainId, entries);
            if (WakeMarks.Of(grainState) && records.TryGetValue(id, out var record) && !record.WakeOnStart)
            {
                records[id] = record with { WakeOnStart = true };
            }
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (gate)
        {
            var id = RecordId(stateName, grainId);
            CheckETag(id, grainId, grainState.ETag);
            records.Remove(id);
            grainState.State = GrainStateSerializer.CreateDefault<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            WakeMarks.Set(grainState, false);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GrainId>> ReadWakeListAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<GrainId> list = records.Where(r => r.Value.WakeOnStart).Select(r => GrainId.Create(r.Key.Type, r.Key.Key)).Distinct().ToList();
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(GrainId grainId, string? kind = null, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<JournalEntry> list = journals.TryGetValue(JournalId(grainId), out var journal)
                ? journal.Where(e => kind is null || e.Kind == kind).ToList()
                : [];
            return Task.FromResult(list);
        }
    }

    public async IAsyncEnumerable<(GrainId GrainId, JournalEntry Entry)> ReadAllJournalAsync(string grainType, string? kind = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<(GrainId, JournalEntry)> snapshot;
        lock (gate)
        {
            snapshot = journals.Where(j => j.Key.Type == grainType)
                .SelectMany(j => j.Value.Where(e => kind is null || e.Kind == kind).Select(e => (GrainId.Create(j.Key.Type, j.Key.Key), e)))
                .OrderBy(x => x.Item2.Sequence)
                .ToList();
        }

        foreach (var item in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask;
    }

    private void CheckETag((string Type, string Name, string Key) id, GrainId grainId, string? etag)
    {
        var stored = records.TryGetValue(id, out var record) ? record.ETag : null;
        if (stored != etag)
        {
            throw new InconsistentStateException(
                $"ETag mismatch for state '{id.Name}' of {grainId}: the write carried '{etag ?? "(none)"}' but the store holds '{stored ?? "(none)"}'.",
                stored,
                etag);
        }
    }

    /// <summary>Appends all the entries or, when any key is taken or repeated, none of them; called under the lock.</summary>
    private void AppendChecked(GrainId grainId, IReadOnlyList<JournalEntry> entries)
    {
        var journal = journals.TryGetValue(JournalId(grainId), out var existing) ? existing : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!seen.Add(entry.Key) || journal?.Exists(e => e.Key == entry.Key) == true)
            {
                throw new DuplicateJournalEntryException(grainId.ToString(), entry.Key);
            }
        }

        if (entries.Count == 0)
        {
            return;
        }

        if (journal is null)
        {
            journal = [];
            journals[JournalId(grainId)] = journal;
        }

        foreach (var entry in entries)
        {
            journal.Add(entry with { Sequence = ++nextSequence });
        }
    }

    private static (string Type, string Name, string Key) RecordId(string stateName, GrainId grainId) =>
        (grainId.Type.ToString()!, stateName, grainId.Key.ToString()!);

    private static (string Type, string Key) JournalId(GrainId grainId) => (grainId.Type.ToString()!, grainId.Key.ToString()!);


    private sealed record StoredRecord(string Json, string ETag, bool WakeOnStart);
}
