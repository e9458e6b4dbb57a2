namespace Hierarchy.Actors;

/// <summary>Hands out references to grains and to local observers; calls on them go through the runtime.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;

    /// <summary>Wraps a local object so grains can call it; calls are delivered one at a time, never blocking the grain.</summary>
    TObserver CreateObjectReference<TObserver>(IGrainObserver observer) where TObserver : IGrainObserver;

    void DeleteObjectReference<TObserver>(TObserver reference) where TObserver : IGrainObserver;
}
