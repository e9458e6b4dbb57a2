namespace Hierarchy.Actors.Persistence;

/// <summary>
/// A grain storage provider. Records are keyed by grain type, state name and the exact grain key.
/// Writes check the ETag: a write whose ETag does not match the stored one throws <see cref="InconsistentStateException"/>.
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>The grains whose last write asked to be woken when the silo starts.</summary>
    Task<IReadOnlyList<GrainId>> ReadWakeListAsync(CancellationToken cancellationToken = default);
}
