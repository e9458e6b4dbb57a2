namespace Hierarchy.Actors;

/// <summary>Marker for interfaces that local objects implement to receive calls from grains.</summary>
public interface IGrainObserver;
