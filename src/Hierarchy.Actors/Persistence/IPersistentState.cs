namespace Hierarchy.Actors.Persistence;

/// <summary>A grain's durable state, injected with <see cref="PersistentStateAttribute"/> and read before <c>OnActivateAsync</c>.</summary>
public interface IPersistentState<T> : IGrainState<T>
{
    Task ReadStateAsync();

    /// <summary>Writes the state; throws <see cref="InconsistentStateException"/> when the stored record changed since it was read.</summary>
    Task WriteStateAsync();

    Task ClearStateAsync();

    /// <summary>Writes the state and appends journal entries in one transaction; needs a store that implements <see cref="IJournalStorage"/>.</summary>
    Task WriteStateAndAppendAsync(IReadOnlyList<JournalEntry> entries);

    /// <summary>
    /// Appends journal entries without writing the state (see <see cref="IJournalStorage.AppendAsync{T}"/>); the
    /// grain must be able to rebuild what the entries change from its journal when it activates.
    /// </summary>
    Task AppendAsync(IReadOnlyList<JournalEntry> entries);

    /// <summary>Reads this grain's journal in append order, optionally only entries of one kind.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string? kind = null);
}
