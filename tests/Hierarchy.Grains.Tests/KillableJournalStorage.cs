using Hierarchy.Storage;
using Orleans.Runtime;

namespace Hierarchy.Grains.Tests;

/// <summary>
/// Journal storage that can be cut off as if its process had died: after <see cref="Kill"/> nothing reaches the store,
/// so no deactivation, checkpoint or acknowledgement written on the way down is kept. Writes already handed to the
/// store before the kill may still land, as a commit in flight would.
/// </summary>
internal sealed class KillableJournalStorage(IJournalStorage inner) : IJournalStorage, IAsyncDisposable
{
    private volatile bool killed;

    public void Kill() => killed = true;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Alive(() => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Alive(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Alive(() => inner.ClearStateAsync(stateName, grainId, grainState));

    public Task WriteStateAndAppendAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, IReadOnlyList<JournalEntry> entries) =>
        Alive(() => inner.WriteStateAndAppendAsync(stateName, grainId, grainState, entries));

    public Task AppendAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, IReadOnlyList<JournalEntry> entries) =>
        Alive(() => inner.AppendAsync(stateName, grainId, grainState, entries));

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(GrainId grainId, string? kind = null, CancellationToken cancellationToken = default) =>
        Alive(() => inner.ReadJournalAsync(grainId, kind, cancellationToken));

    public IAsyncEnumerable<(GrainId GrainId, JournalEntry Entry)> ReadAllJournalAsync(string grainType, string? kind = null, CancellationToken cancellationToken = default) =>
        killed ? throw Dead() : inner.ReadAllJournalAsync(grainType, kind, cancellationToken);

    public Task<IReadOnlyList<GrainId>> ReadWakeListAsync(CancellationToken cancellationToken = default) =>
        Alive(() => inner.ReadWakeListAsync(cancellationToken));

    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;

    private Task Alive(Func<Task> operation) => killed ? Task.FromException(Dead()) : operation();

    private Task<T> Alive<T>(Func<Task<T>> operation) => killed ? Task.FromException<T>(Dead()) : operation();

    private static InvalidOperationException Dead() => new("The silo was killed; its store is out of reach.");
}
