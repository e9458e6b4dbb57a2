using System.Diagnostics;
using Hierarchy.Actors.Runtime;
using Hierarchy.Actors.Telemetry;

namespace Hierarchy.Actors.Persistence;

/// <summary>The runtime's <see cref="IPersistentState{T}"/>: one named state of one grain in one storage provider.</summary>
internal sealed class PersistentState<T>(string stateName, GrainId grainId, IGrainStorage storage, ActorsTelemetry telemetry)
    : IPersistentState<T>, IStateLoader
{
    private readonly GrainState<T> inner = new(GrainStateSerializer.CreateDefault<T>());

    public T State
    {
        get => inner.State;
        set => inner.State = value;
    }

    public string? ETag
    {
        get => inner.ETag;
        set => inner.ETag = value;
    }

    public bool RecordExists
    {
        get => inner.RecordExists;
        set => inner.RecordExists = value;
    }

    public bool WakeOnStart
    {
        get => inner.WakeOnStart;
        set => inner.WakeOnStart = value;
    }

    public Task ReadStateAsync() => Measure("read", storage.ReadStateAsync(stateName, grainId, inner));

    public Task WriteStateAsync() => Measure("write", storage.WriteStateAsync(stateName, grainId, inner));

    public Task ClearStateAsync() => Measure("clear", storage.ClearStateAsync(stateName, grainId, inner));

    public Task WriteStateAndAppendAsync(IReadOnlyList<JournalEntry> entries) =>
        Measure("append", Journal.WriteStateAndAppendAsync(stateName, grainId, inner, entries));

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string? kind = null) => Journal.ReadJournalAsync(grainId, kind);

    private IJournalStorage Journal => storage as IJournalStorage
        ?? throw new NotSupportedException($"The storage provider of state '{stateName}' of {grainId} does not keep journals.");

    private async Task Measure(string operation, Task task)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await task;
        }
        finally
        {
            telemetry.RecordStorage(operation, Stopwatch.GetElapsedTime(started));
        }
    }
}
