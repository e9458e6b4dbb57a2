namespace Hierarchy.Grains.Units;

/// <summary>
/// A unit across a restructuring: a former unit a new one was formed from (with its last day), or a unit a former
/// one went into.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UnitLink(string Id, string Name, UnitLevel Level, DateOnly? LastDay = null);
