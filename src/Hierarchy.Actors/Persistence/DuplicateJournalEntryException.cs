namespace Hierarchy.Actors.Persistence;

/// <summary>A journal entry with the same key already exists for the grain; nothing of the write was applied.</summary>
public sealed class DuplicateJournalEntryException(GrainId grainId, string key)
    : Exception($"Journal entry '{key}' already exists for {grainId}.")
{
    public GrainId GrainId { get; } = grainId;

    public string Key { get; } = key;
}
