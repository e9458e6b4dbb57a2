namespace Hierarchy.Storage;

/// <summary>A journal entry with the same key already exists for the grain; nothing of the write was applied.</summary>
public sealed class DuplicateJournalEntryException(string grain, string key)
    : Exception($"Journal entry '{key}' already exists for {grain}.")
{
    /// <summary>The grain, as its type and key ("unit/0101").</summary>
    public string Grain { get; } = grain;

    public string Key { get; } = key;
}
