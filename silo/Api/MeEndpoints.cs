using Hierarchy.Grains;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

public static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetAsync)
            .WithName("GetMe")
            .WithSummary("The caller: user, role and unit (none for an admin; or an anonymous reader of a demo database).")
            .Produces<MeResponse>();
        return api;
    }

    public static async Task<IResult> GetAsync(HttpContext context, AccessControl access, HierarchyService hierarchy, DatabaseModeStore modes)
    {
        // Admins too: the committee's dashboard asks here who signed in, and tells an admin where its dashboard is.
        var (caller, denied) = await access.IdentifyAsync(context, allowAnonymous: true, allowAdmin: true);
        if (denied is not null)
        {
            return denied;
        }

        var demo = (await modes.GetAsync()).Mode == DatabaseMode.Demo;
        if (caller!.User is not { } user)
        {
            return TypedResults.Ok(new MeResponse(true, null, null, null, null, null, null, demo, null));
        }

        if (caller.UnitId is null)
        {
            return TypedResults.Ok(new MeResponse(false, user.Id, user.Name, user.Role, null, null, null, demo, RoleTitles.Admin));
        }

        var unit = await hierarchy.Unit(user.UnitId).GetInfoAsync();
        return TypedResults.Ok(new MeResponse(
            false,
            user.Id,
            user.Name,
            user.Role,
            user.UnitId,
            unit.Exists ? unit.Name : null,
            unit.Exists ? unit.Level : null,
            demo,
            unit.Exists ? RoleTitles.Of(user.Role, unit.Level, unit.Name) : null));
    }
}
