using Hierarchy.Grains;
using Hierarchy.Grains.Closing;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>
/// Closing a unit's periods (a year, <c>2026</c>, or the six-month report, <c>2026-H1</c>) once they have ended, and
/// reopening them. A closed branch refuses every admission and correction dated in the period with 409 naming the closing.
/// </summary>
public static class ClosingEndpoints
{
    public static RouteGroupBuilder MapClosingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{id}/closings", ListAsync)
            .WithName("ListClosings")
            .WithSummary("The periods closed at a unit, oldest first, with who closed each and when.")
            .Produces<IReadOnlyList<ClosingResponse>>();
        api.MapGet("/units/{id}/closings/{period}", GetOneAsync)
            .WithName("GetClosing")
            .WithSummary("One period's closing at a unit; 404 while it is open.")
            .Produces<ClosingResponse>();
        api.MapPost("/units/{id}/closings", CloseAsync)
            .WithName("ClosePeriod")
            .WithSummary("Closes a period that has ended: a branch by its secretary, a unit above by a board once every child has closed it (409 lists those still open); 201 when closed now, 200 when it was closed already.")
            .Accepts<ClosingRequest>("application/json")
            .Produces<ClosingResponse>(StatusCodes.Status201Created)
            .Produces<ClosingResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/units/{id}/closings/{period}", ReopenAsync)
            .WithName("ReopenPeriod")
            .WithSummary("Reopens a closed period at the unit and at every unit below it closed for it; 409 names the closing of the unit above while that is closed.")
            .Produces<ReopenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<IResult> ListAsync(string id, HttpContext context, AccessControl access, ClosingService closings)
    {
        var unit = await access.ForReadAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var list = await closings.Unit(id).GetClosingsAsync();
        return TypedResults.Ok(list.Select(c => ClosingResponse.Of(id, c)).ToList());
    }

    public static async Task<IResult> GetOneAsync(string id, string period, HttpContext context, AccessControl access, ClosingService closings)
    {
        var unit = await access.ForReadAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        if (ParsePeriod(period) is not { } parsed)
        {
            return PeriodProblem(period);
        }

        return await closings.Unit(id).GetClosingAsync(parsed) is { } closing
            ? TypedResults.Ok(ClosingResponse.Of(id, closing))
            : Problems.NotFound(ClosingMessages.NotClosedAt.Format(ClosingMessages.Period(parsed.Key), unit.Unit!.Name), "period");
    }

    public static async Task<IResult> CloseAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy, ClosingService closings)
    {
        var unit = await access.ForClosingAsync(context, id, hierarchy);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var (request, problem) = await RequestBodies.ReadJsonAsync<ClosingRequest>(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (ParsePeriod(request!.Period) is not { } period)
        {
            return PeriodProblem(request.Period);
        }

        var result = await closings.CloseAsync(id, period, unit.Caller!.AuditName);
        return result.Outcome switch
        {
            ClosingOutcome.Closed => TypedResults.Created(
                $"{context.Request.PathBase}/api/units/{Uri.EscapeDataString(id)}/closings/{period.Key}",
                ClosingResponse.Of(id, result.Closing!)),
            ClosingOutcome.AlreadyClosed => TypedResults.Ok(ClosingResponse.Of(id, result.Closing!)),
            _ => ClosingProblems.Refused(result, id, unit.Unit!.ParentId),
        };
    }

    public static async Task<IResult> ReopenAsync(string id, string period, HttpContext context, AccessControl access, HierarchyService hierarchy, ClosingService closings)
    {
        var unit = await access.ForReopeningAsync(context, id, hierarchy);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        if (ParsePeriod(period) is not { } parsed)
        {
            return PeriodProblem(period);
        }

        var result = await closings.ReopenAsync(id, parsed, unit.Caller!.AuditName);
        return result.Outcome == ClosingOutcome.Reopened
            ? TypedResults.Ok(new ReopenResponse(id, parsed.Key, result.Closing!.ClosedBy, result.Closing.ClosedAt, result.Units.Select(ClosingUnitResponse.From).ToList()))
            : ClosingProblems.Refused(result, id, unit.Unit!.ParentId);
    }

    private static ClosingPeriod? ParsePeriod(string? text) => ClosingPeriod.TryParse(text, out var period) ? period : null;

    private static IResult PeriodProblem(string? text) => Problems.Validation(
        "period",
        string.IsNullOrWhiteSpace(text) ? ClosingMessages.PeriodRequired.Format() : ClosingMessages.PeriodFormat.Format(text));
}
