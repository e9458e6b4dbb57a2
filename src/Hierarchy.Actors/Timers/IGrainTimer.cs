namespace Hierarchy.Actors.Timers;

/// <summary>A timer owned by one activation; dispose it to stop it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Moves the next tick and the period; <see cref="Timeout.InfiniteTimeSpan"/> as period makes it one-shot.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
