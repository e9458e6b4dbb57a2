using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Api.Contracts;

public sealed record UnitSearchItem(string Id, string Name, UnitLevel Level, string? ParentId);
