namespace Hierarchy.Grains.Units;

/// <summary>What an importer knows of a unit: its stable id, Vietnamese name, level and parent (null for a province).</summary>
[GenerateSerializer, Immutable]
public sealed record UnitDefinition(string Id, string Name, UnitLevel Level, string? ParentId, string? Kind = null);
