namespace Hierarchy.Actors;

/// <summary>A grain identified by a string key, compared exactly ("01" and "1" are different grains).</summary>
public interface IGrainWithStringKey : IGrain;
