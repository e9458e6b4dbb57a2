using Orleans.Runtime;
using Orleans.Storage;

namespace Hierarchy.Storage;

/// <summary>
/// An Orleans grain storage that also keeps an append-only journal per grain and can append to it and write the
/// state atomically. Records are keyed by grain type, state name and the exact grain key. Concurrent writes are
/// batched into one commit (group commit); a write completes only once it is durable.
/// </summary>
public interface IJournalStorage : IGrainStorage
{
    /// <summary>
    /// Writes the state (with the ETag check) and appends the entries in one transaction: either both are durable or
    /// neither is. A duplicate entry key fails the whole write with <see cref="DuplicateJournalEntryException"/>.
    /// </summary>
    Task WriteStateAndAppendAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, IReadOnlyList<JournalEntry> entries);

    /// <summary>
    /// Appends the entries in one transaction without rewriting the state, for grains whose state can be rebuilt from
    /// their journal: the stored payload and ETag stay as they are, but the ETag is still checked, so a stale writer
    /// appends nothing. When the state asks to wake on start, the stored record is marked to wake as well.
    /// </summary>
    Task AppendAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, IReadOnlyList<JournalEntry> entries);

    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(GrainId grainId, string? kind = null, CancellationToken cancellationToken = default);

    /// <summary>Streams every journal entry of one grain type in append order, for rebuilds and verification.</summary>
    IAsyncEnumerable<(GrainId GrainId, JournalEntry Entry)> ReadAllJournalAsync(string grainType, string? kind = null, CancellationToken cancellationToken = default);

    /// <summary>The grains whose last write asked to be woken when the silo starts (see <see cref="IWakeOnStart"/>).</summary>
    Task<IReadOnlyList<GrainId>> ReadWakeListAsync(CancellationToken cancellationToken = default);
}
