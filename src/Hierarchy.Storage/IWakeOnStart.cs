namespace Hierarchy.Storage;

/// <summary>
/// A grain state that can ask for its grain to be activated when the silo starts: the store keeps the mark with the
/// record, and <see cref="IJournalStorage.ReadWakeListAsync"/> lists the marked grains. A state without it is
/// written unmarked.
/// </summary>
public interface IWakeOnStart
{
    bool WakeOnStart { get; set; }
}
