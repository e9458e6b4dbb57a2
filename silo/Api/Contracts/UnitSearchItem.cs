using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>A unit found by search: its administrative name and its party organisation's (Đảng bộ …, Chi bộ …).</summary>
public sealed record UnitSearchItem(string Id, string Name, string PartyName, UnitLevel Level, string LevelName, string? ParentId)
{
    public static UnitSearchItem Of(string id, string name, UnitLevel level, string? parentId, string? kind) =>
        new(id, name, PartyNames.Organisation(level, name), level, LevelNames.Of(level, kind), parentId);
}
