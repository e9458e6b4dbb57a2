namespace Hierarchy.Grains.Units;

/// <summary>
/// The party organisation of an administrative unit and its committee, from the unit's level and official name:
/// Thành phố Đà Nẵng → Đảng bộ Thành phố Đà Nẵng (Thành ủy), Quận Liên Chiểu → Đảng bộ quận Liên Chiểu (Quận ủy),
/// Phường Hòa Khánh Bắc → Đảng bộ phường Hòa Khánh Bắc (Đảng ủy phường Hòa Khánh Bắc), Tổ dân phố 26 → Chi bộ Tổ dân
/// phố 26. Inside a name the kind of unit is written in lower case, as party documents write it, except a centrally
/// run city and a unit named by a number (Đảng bộ Phường 15).
/// </summary>
public static class PartyNames
{
    private const string PartyOrganisation = "Đảng bộ";
    private const string Branch = "Chi bộ";
    private const string CityKind = "Thành phố";

    // Longest first, so that "Thị xã" and "Thị trấn" are not taken for something shorter.
    private static readonly string[] Kinds = ["Thành phố", "Thị trấn", "Thị xã", "Phường", "Huyện", "Quận", "Tỉnh", "Xã"];

    /// <summary>Đảng bộ … for a province, district or ward; Chi bộ … for a branch.</summary>
    public static string Organisation(UnitLevel level, string name)
    {
        name = name.Trim();
        if (level == UnitLevel.Branch)
        {
            return StartsWith(name, Branch) ? Branch + name[Branch.Length..] : $"{Branch} {name}";
        }

        if (StartsWith(name, PartyOrganisation))
        {
            return PartyOrganisation + name[PartyOrganisation.Length..];
        }

        return Split(name) is var (kind, rest)
            ? $"{PartyOrganisation} {KindInName(level, kind, rest)} {rest}"
            : $"{PartyOrganisation} {name}";
    }

    /// <summary>The unit's party committee: Tỉnh ủy, Thành ủy, Quận ủy, Huyện ủy, Thị ủy, Đảng ủy phường …, Đảng ủy khối … for Đảng bộ khối …; a branch's own name.</summary>
    public static string Committee(UnitLevel level, string name)
    {
        var split = Split(name.Trim());
        return (level, split?.Kind) switch
        {
            (UnitLevel.Branch, _) => Organisation(level, name),
            _ when StartsWith(name.Trim(), PartyOrganisation) => "Đảng ủy" + name.Trim()[PartyOrganisation.Length..],
            (UnitLevel.Province or UnitLevel.District, CityKind) => "Thành ủy",
            (UnitLevel.Province, _) => "Tỉnh ủy",
            (UnitLevel.District, "Quận") => "Quận ủy",
            (UnitLevel.District, "Huyện") => "Huyện ủy",
            (UnitLevel.District, "Thị xã") => "Thị ủy",
            _ when split is var (kind, rest) => $"Đảng ủy {KindInName(level, kind, rest)} {rest}",
            _ => $"Đảng ủy {name.Trim()}",
        };
    }

    private static string KindInName(UnitLevel level, string kind, string rest) =>
        (level == UnitLevel.Province && kind == CityKind) || char.IsDigit(rest[0]) ? kind : kind.ToLowerInvariant();

    /// <summary>The kind of unit the name starts with, as the catalogue spells it ("Thị Xã" is read as "Thị xã"), and the rest.</summary>
    private static (string Kind, string Remainder)? Split(string name)
    {
        foreach (var kind in Kinds)
        {
            if (StartsWith(name, kind) && name.Length > kind.Length + 1 && name[kind.Length] == ' ')
            {
                return (kind, name[(kind.Length + 1)..].Trim());
            }
        }

        return null;
    }

    private static bool StartsWith(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (name.Length == prefix.Length || name[prefix.Length] == ' ');
}
