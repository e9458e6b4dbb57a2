namespace Hierarchy.Actors.Persistence;

/// <summary>What a storage provider reads and writes: the state, its ETag and whether a record exists.</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>Opaque version of the stored record; null when no record exists.</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }

    /// <summary>When true the runtime activates the grain at silo start (the durable wake-up Orleans gives with reminders).</summary>
    bool WakeOnStart { get; set; }
}
