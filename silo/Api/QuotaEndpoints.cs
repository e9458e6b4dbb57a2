using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>
/// Quotas, with optimistic concurrency: the client quotes the quota version it saw (the GET's ETag or
/// <c>quotaVersion</c>) in If-Match, and a change made since is a 409, never a lost update. A missing If-Match is
/// 428 Precondition Required. A quota above the unit's members at the start of the year needs <c>"confirm": true</c>.
/// </summary>
public static class QuotaEndpoints
{
    public static RouteGroupBuilder MapQuotaEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/units/{id}/quota", SetAsync)
            .WithName("SetQuota")
            .WithSummary("Sets a unit's quota for a year; If-Match must carry the unit's quotaVersion (409 when stale, 428 when missing); a quota above the members at the start of the year needs confirm: true.")
            .Accepts<QuotaRequest>("application/json")
            .Produces<QuotaResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    public static async Task<IResult> SetAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var unit = await access.ForQuotaAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Problems.PreconditionRequired(Messages.IfMatchRequired.Format(), "If-Match");
        }

        if (!EntityTags.TryParse(ifMatch, out var expected))
        {
            return Problems.Validation("If-Match", Messages.IfMatchFormat.Format(ifMatch));
        }

        var (request, problem) = await RequestBodies.ReadJsonAsync<QuotaRequest>(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new List<ValidationError>();
        var year = request!.Year ?? time.Today().Year;
        if (year is < QueryValues.MinYear or > QueryValues.MaxYear)
        {
            errors.Add(new("year", Messages.YearRange.Format(QueryValues.MinYear, QueryValues.MaxYear)));
        }

        if (request.Admissions is not { } admissions)
        {
            errors.Add(new("admissions", Messages.QuotaRequired.Format()));
        }
        else if (admissions < 0)
        {
            errors.Add(new("admissions", Messages.QuotaNegative.Format()));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        // More admissions than members is almost always a typing slip (an extra zero); the what-if sandbox stays free.
        if (request.Confirm != true && await hierarchy.Unit(id).GetViewAsync(year, time.Today()) is { } view && request.Admissions > view.MembersAtStart)
        {
            return Problems.Validation("quota", Messages.QuotaAboveMembers.Format(request.Admissions, view.MembersAtStart, year));
        }

        var result = await hierarchy.Unit(id).SetQuotaAsync(year, request.Admissions!.Value, expected, unit.Caller!.AuditName);
        switch (result.Outcome)
        {
            case QuotaOutcome.Updated:
                context.Response.Headers.ETag = EntityTags.Of(result.QuotaVersion);
                return TypedResults.Ok(new QuotaResponse(id, year, result.Quota, result.QuotaVersion));
            case QuotaOutcome.Conflict:
                context.Response.Headers.ETag = EntityTags.Of(result.QuotaVersion);
                return Problems.Conflict(
                    Messages.QuotaChanged.Format(id, expected, result.QuotaVersion),
                    "If-Match",
                    new Dictionary<string, object?> { ["quotaVersion"] = result.QuotaVersion, ["quota"] = result.Quota });
            case QuotaOutcome.UnknownUnit:
                return Problems.NotFound(Messages.UnitNotFound.Format(id));
            default:
                return Problems.Validation([result.Error ?? new ValidationError("admissions", Messages.QuotaRefused.Format())]);
        }
    }
}
