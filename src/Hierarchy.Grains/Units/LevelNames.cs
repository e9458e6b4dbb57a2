namespace Hierarchy.Grains.Units;

/// <summary>
/// The name of a unit's level as the unit carries it: the catalogue's type (Tỉnh, Quận, Phường, Đặc khu) or the kind
/// an import gave an organisation (Đảng bộ khối, Đảng bộ cơ sở); a generic name when neither says.
/// </summary>
public static class LevelNames
{
    public static string Of(UnitLevel level, string? kind) =>
        string.IsNullOrWhiteSpace(kind)
            ? level switch
            {
                UnitLevel.Province => "Tỉnh",
                UnitLevel.District => "Huyện",
                UnitLevel.Ward => "Xã",
                UnitLevel.Branch => "Chi bộ",
                _ => "Đảng bộ",
            }
            : kind.Trim();

    /// <summary>Where a level sorts in search results: territorial levels from the top, then organisations, then branches.</summary>
    public static int Rank(UnitLevel level) => level switch
    {
        UnitLevel.Province => 0,
        UnitLevel.District => 1,
        UnitLevel.Ward => 2,
        UnitLevel.Organisation => 3,
        _ => 4,
    };

    /// <summary>Whether a unit of one level may hold one of another: branches are leaves, provinces are roots, and the territorial levels keep their order.</summary>
    public static bool CanHold(UnitLevel parent, UnitLevel child) => (parent, child) switch
    {
        (UnitLevel.Branch, _) => false,
        (_, UnitLevel.Province) => false,
        (UnitLevel.Province, UnitLevel.District) => true,
        (_, UnitLevel.District) => false,
        (UnitLevel.Province or UnitLevel.District, UnitLevel.Ward) => true,
        (_, UnitLevel.Ward) => false,
        _ => true,
    };
}
