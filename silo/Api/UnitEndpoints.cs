using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Catalogue;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>Reading units: one unit's figures, search, and the breadcrumb.</summary>
public static class UnitEndpoints
{
    public static RouteGroupBuilder MapUnitEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/units", SearchAsync)
            .WithName("SearchUnits")
            .WithSummary("Lists the caller's top unit, or searches units by name with or without Vietnamese diacritics.")
            .Produces<IReadOnlyList<UnitSearchItem>>();
        api.MapGet("/units/{id}", GetAsync)
            .WithName("GetUnit")
            .WithSummary("One unit's figures for a year (the current year by default), with its children; ETag is the quota version.")
            .Produces<UnitResponse>();
        api.MapGet("/units/{id}/path", GetPathAsync)
            .WithName("GetUnitPath")
            .WithSummary("The breadcrumb from the province down to the unit.")
            .Produces<IReadOnlyList<PathItem>>();
        return api;
    }

    public static async Task<IResult> GetAsync(string id, string? year, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var (view, problem) = await UnitViewReader.ReadAsync(id, year, context, access, hierarchy, time);
        if (view is null)
        {
            return problem!;
        }

        context.Response.Headers.ETag = $"\"{view.QuotaVersion}\"";
        return TypedResults.Ok(UnitResponse.From(view));
    }

    public static async Task<IResult> SearchAsync(string? search, string? within, string? limit, HttpContext context, AccessControl access, HierarchyService hierarchy)
    {
        var (caller, denied) = await access.IdentifyAsync(context, allowAnonymous: true);
        if (denied is not null)
        {
            return denied;
        }

        var errors = new List<ValidationError>();
        var max = QueryValues.Int(limit, 20, 1, 200, errors, "limit");
        if (search is { Length: > 200 })
        {
            errors.Add(new("search", Messages.SearchTooLong.Format()));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (!string.IsNullOrWhiteSpace(within))
        {
            var scope = await access.ForReadAsync(context, within);
            if (scope.Denied is { } outOfScope)
            {
                return outOfScope;
            }
        }
        else
        {
            within = caller!.UnitId;
        }

        if (string.IsNullOrWhiteSpace(search))
        {
            if (within is not null)
            {
                var info = await hierarchy.Unit(within).GetInfoAsync();
                return TypedResults.Ok<IReadOnlyList<UnitSearchItem>>(info.Exists ? [UnitSearchItem.Of(info.Id, info.Name, info.Level, info.ParentId, info.Kind)] : []);
            }

            var roots = await hierarchy.Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync();
            return TypedResults.Ok<IReadOnlyList<UnitSearchItem>>(roots.Take(max).Select(r => UnitSearchItem.Of(r.Id, r.Name, r.Level, null, r.Kind)).ToList());
        }

        var hits = await hierarchy.SearchAsync(search, within, max);
        return TypedResults.Ok<IReadOnlyList<UnitSearchItem>>(hits.Select(h => UnitSearchItem.Of(h.Id, h.Name, h.Level, h.ParentId, h.Kind)).ToList());
    }

    public static async Task<IResult> GetPathAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy)
    {
        var unit = await access.ForReadAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var path = await hierarchy.GetPathAsync(id);

        // A branch secretary or a district board sees the names above them in the breadcrumb, not their figures.
        return TypedResults.Ok(path);
    }
}
