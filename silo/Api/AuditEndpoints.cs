using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>Who changed what at a unit, newest first: admissions, corrections, quotas, structure.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{id}/audit", GetAsync)
            .WithName("GetAudit")
            .WithSummary("The unit's audit log, newest first (limit 1–1000, default 100).")
            .Produces<IReadOnlyList<AuditEntryResponse>>();
        return api;
    }

    public static async Task<IResult> GetAsync(string id, string? limit, HttpContext context, AccessControl access, HierarchyService hierarchy)
    {
        var unit = await access.ForReadAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var errors = new List<ValidationError>();
        var max = QueryValues.Int(limit, 100, 1, 1000, errors, "limit");
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var entries = await hierarchy.Unit(id).GetAuditAsync(max);
        return TypedResults.Ok(entries.Select(e => new AuditEntryResponse(e.Sequence, e.UnitId, e.Kind, e.Summary, e.By, e.At)).ToList());
    }
}
