using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Access;

/// <summary>
/// What a role is called at its unit, as the party names it: the standing committee of the Thành ủy, the organisation
/// board of the Quận ủy, the ward's Đảng ủy, a branch's secretary.
/// </summary>
public static class RoleTitles
{
    public static string Of(SiloRole role, UnitLevel level, string unitName)
    {
        var committee = PartyNames.Committee(level, unitName);
        return (role, level) switch
        {
            (SiloRole.Branch, _) => "Bí thư chi bộ",
            (SiloRole.Committee, _) => $"Ban Thường vụ {committee}",

            // A ward's Đảng ủy has no organisation board of its own: the committee itself does that work. Organisations
            // outside the territorial tree (Đảng ủy khối, Đảng ủy cơ sở) are named by their own committee the same way.
            (SiloRole.Board, UnitLevel.Ward or UnitLevel.Branch) => committee,
            (SiloRole.Board, _) => $"Ban Tổ chức {committee}",
            _ => Admin,
        };
    }

    /// <summary>An admin is bound to no unit.</summary>
    public static string Admin => "Quản trị hệ thống";
}
