using System.Diagnostics.CodeAnalysis;
using Orleans;
using Orleans.Runtime;

namespace Hierarchy.Storage.State;

/// <summary>One named state of one grain in an <see cref="IJournalStorage"/>, with its journal.</summary>
internal sealed class JournaledState<T>(string stateName, GrainId grainId, IJournalStorage storage) : IJournaledState<T>
{
    private readonly Record record = new();

    public T State
    {
        get => record.State;
        set => record.State = value;
    }

    public string? Etag => record.ETag;

    public bool RecordExists => record.RecordExists;

    public bool WakeOnStart
    {
        get => record.WakeOnStart;
        set => record.WakeOnStart = value;
    }

    public Task ReadStateAsync() => storage.ReadStateAsync(stateName, grainId, record);

    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grainId, record);

    public Task ClearStateAsync() => storage.ClearStateAsync(stateName, grainId, record);

    public Task WriteStateAndAppendAsync(IReadOnlyList<JournalEntry> entries) => storage.WriteStateAndAppendAsync(stateName, grainId, record, entries);

    public Task AppendAsync(IReadOnlyList<JournalEntry> entries) => storage.AppendAsync(stateName, grainId, record, entries);

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string? kind = null) => storage.ReadJournalAsync(grainId, kind);

    private sealed class Record : IGrainState<T>, IWakeOnStart
    {
        [AllowNull]
        public T State { get; set; } = GrainStateSerializer.CreateDefault<T>();

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }

        public bool WakeOnStart { get; set; }
    }
}
