using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// Who the caller is. An anonymous demo reader has no user, role or unit and may read everything; an admin has no unit
/// and reads none. <c>roleTitle</c> is what the role is called at the unit (Ban Thường vụ Thành ủy, Bí thư chi bộ).
/// </summary>
public sealed record MeResponse(
    bool Anonymous,
    string? UserId,
    string? Name,
    SiloRole? Role,
    string? UnitId,
    string? UnitName,
    UnitLevel? UnitLevel,
    bool DemoDatabase,
    string? RoleTitle);
