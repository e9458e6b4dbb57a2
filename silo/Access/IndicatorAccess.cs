using Hierarchy.Grains;
using Hierarchy.Silo.Api;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Silo.Access;

/// <summary>
/// Who enters a unit's indicator figures and targets: a board whose unit is that one or lies above it, as its plans are
/// set by its own committee and the population of a ward is known at the ward. Standing committees and secretaries read.
/// </summary>
public static class IndicatorAccess
{
    public static async Task<UnitAccess> ForIndicatorsAsync(this AccessControl access, HttpContext context, string unitId, HierarchyService hierarchy)
    {
        var (caller, unit, refusal) = await access.IdentifyForUnitAsync(context, unitId, allowAnonymous: false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (caller!.Role != SiloRole.Board)
        {
            return UnitAccess.Deny(Problems.Forbidden(IndicatorMessages.OnlyBoards.Format(unitId)));
        }

        return caller.UnitId == unitId || await hierarchy.IsWithinAsync(unitId, caller.UnitId!)
            ? new UnitAccess(caller, unit, null)
            : UnitAccess.Deny(Problems.Forbidden(Messages.OutsideSubtree.Format(unitId)));
    }
}
