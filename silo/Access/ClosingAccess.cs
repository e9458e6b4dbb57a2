using Hierarchy.Grains;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Api;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Silo.Access;

/// <summary>
/// Who closes and reopens a unit's periods: a branch's own secretary closes the branch; above a branch, a board whose
/// unit is that one or lies above it. The same boards reopen, branches included. Standing committees only read.
/// </summary>
public static class ClosingAccess
{
    public static Task<UnitAccess> ForClosingAsync(this AccessControl access, HttpContext context, string unitId, HierarchyService hierarchy) =>
        CheckAsync(access, context, unitId, hierarchy, reopening: false);

    public static Task<UnitAccess> ForReopeningAsync(this AccessControl access, HttpContext context, string unitId, HierarchyService hierarchy) =>
        CheckAsync(access, context, unitId, hierarchy, reopening: true);

    private static async Task<UnitAccess> CheckAsync(AccessControl access, HttpContext context, string unitId, HierarchyService hierarchy, bool reopening)
    {
        var (caller, unit, refusal) = await access.IdentifyForUnitAsync(context, unitId, allowAnonymous: false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (unit!.Level == UnitLevel.Branch)
        {
            if (caller!.Role == SiloRole.Branch)
            {
                return caller.UnitId == unitId
                    ? new UnitAccess(caller, unit, null)
                    : UnitAccess.Deny(Problems.Forbidden(ClosingMessages.OnlyTheSecretary.Format(unitId)));
            }

            if (caller.Role != SiloRole.Board)
            {
                return UnitAccess.Deny(Problems.Forbidden(ClosingMessages.OnlyTheSecretary.Format(unitId)));
            }

            if (!reopening)
            {
                // The secretary vouches for the branch's own figures; a board closes what the branches have closed.
                return UnitAccess.Deny(Problems.Forbidden(ClosingMessages.BranchClosedBySecretary.Format(unitId)));
            }
        }
        else if (caller!.Role != SiloRole.Board)
        {
            return UnitAccess.Deny(Problems.Forbidden(ClosingMessages.OnlyBoards.Format(unitId)));
        }

        return caller.UnitId == unitId || await hierarchy.IsWithinAsync(unitId, caller.UnitId!)
            ? new UnitAccess(caller, unit, null)
            : UnitAccess.Deny(Problems.Forbidden(Messages.OutsideSubtree.Format(unitId)));
    }
}
