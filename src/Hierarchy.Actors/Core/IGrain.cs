namespace Hierarchy.Actors;

/// <summary>Marker for grain interfaces; every method of a grain interface returns a task.</summary>
public interface IGrain;
