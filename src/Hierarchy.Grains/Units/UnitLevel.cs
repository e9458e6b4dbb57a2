namespace Hierarchy.Grains.Units;

/// <summary>
/// What kind of place a unit takes in the tree, whatever its depth. Before July 2025 the territorial tree ran province →
/// district → ward; since then province → ward (the commune level: xã, phường, đặc khu). Organisations outside the
/// territorial tree (Đảng bộ các cơ quan Đảng, Đảng bộ khối, grassroots and partial organisations) sit wherever a
/// board puts them and may nest to any depth; branches are the leaves. The stored value is the number, so new kinds
/// are added at the end.
/// </summary>
[GenerateSerializer]
public enum UnitLevel
{
    Province,
    District,
    Ward,
    Branch,
    Organisation,
}
