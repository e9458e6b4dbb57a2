namespace Hierarchy.Grains.Units;

/// <summary>One step of the breadcrumb from the province down to a unit.</summary>
[GenerateSerializer, Immutable]
public sealed record PathItem(string Id, string Name, UnitLevel Level);
