namespace Hierarchy.Actors.Persistence;

/// <summary>
/// A store that can append journal entries and write a grain's state atomically — the analogue of an Orleans
/// journaled grain. Implementations batch concurrent writes into one commit (group commit).
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
}
