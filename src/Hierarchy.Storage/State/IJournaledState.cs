namespace Hierarchy.Storage.State;

/// <summary>
/// A grain's durable state with its journal, injected with <see cref="JournaledStateAttribute"/> like Orleans'
/// <c>IPersistentState&lt;T&gt;</c> and, like it, read before <c>OnActivateAsync</c>. The store behind it must be an
/// <see cref="IJournalStorage"/>.
/// </summary>
public interface IJournaledState<T> : IWakeOnStart
{
    T State { get; set; }

    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    /// <summary>Writes the state; throws Orleans' <c>InconsistentStateException</c> when the record changed since it was read.</summary>
    Task WriteStateAsync();

    Task ClearStateAsync();

    /// <summary>Writes the state and appends journal entries in one transaction.</summary>
    Task WriteStateAndAppendAsync(IReadOnlyList<JournalEntry> entries);

    /// <summary>
    /// Appends journal entries without writing the state (see <see cref="IJournalStorage.AppendAsync{T}"/>); the
    /// grain must be able to rebuild what the entries change from its journal when it activates.
    /// </summary>
    Task AppendAsync(IReadOnlyList<JournalEntry> entries);

    /// <summary>Reads this grain's journal in append order, optionally only entries of one kind.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string? kind = null);
}
