using System.Diagnostics;
using Hierarchy.Actors.Runtime;
using Hierarchy.Actors.Telemetry;

namespace Hierarchy.Actors.Persistence;

/// <summary>The runtime's <see cref="IPersistentState{T}"/>: one named state of one grain in one storage provider.</summary>
internal sealed class PersistentState<T>(string stateName, GrainId grainId, IGrainStorage storage, ActorsTelemetry telemetry)
    : IPersistentState<T>, IStateLoader
{
    private readonly GrainState<T> inner = new(GrainStateSerializer.CreateDefault<T>());
    private readonly string stateName = stateName;
    private readonly GrainId grainId = grainId;
    private readonly IGrainStorage storage = storage;

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

    public Task ReadStateAsync() => Measure("read", static s => s.storage.ReadStateAsync(s.stateName, s.grainId, s.inner), this);

    public Task WriteStateAsync() => Measure("write", static s => s.storage.WriteStateAsync(s.stateName, s.grainId, s.inner), this);

    public Task ClearStateAsync() => Measure("clear", static s => s.storage.ClearStateAsync(s.stateName, s.grainId, s.inner), this);

    public Task WriteStateAndAppendAsync(IReadOnlyList<JournalEntry> entries) =>
        Measure("append", static s => s.Self.Journal.WriteStateAndAppendAsync(s.Self.stateName, s.Self.grainId, s.Self.inner, s.Entries), (Self: this, Entries: entries));

    public Task AppendAsync(IReadOnlyList<JournalEntry> entries) =>
        Measure("append_only", static s => s.Self.Journal.AppendAsync(s.Self.stateName, s.Self.grainId, s.Self.inner, s.Entries), (Self: this, Entries: entries));

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string? kind = null) => Journal.ReadJournalAsync(grainId, kind);

    private IJournalStorage Journal => storage as IJournalStorage
        ?? throw new NotSupportedException($"The storage provider of state '{stateName}' of {grainId} does not keep journals.");

    // The clock starts before the provider is called, so time a provider spends before its first await counts too.
    // Recording needs no turn of the grain, so the grain's own await is the only one that goes back to its context.
    private async Task Measure<TState>(string operation, Func<TState, Task> operate, TState state)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await operate(state).ConfigureAwait(false);
        }
        finally
        {
            telemetry.RecordStorage(operation, Stopwatch.GetElapsedTime(started));
        }
    }
}
