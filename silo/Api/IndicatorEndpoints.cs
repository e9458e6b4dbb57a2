using System.Text;
using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>
/// The indicators the resolutions set, beside the admission quota: a board enters a unit's own figures (population,
/// residential groups, their leaders) and its targets per year; every unit's figures are summed over its subtree.
/// </summary>
public static class IndicatorEndpoints
{
    public static RouteGroupBuilder MapIndicatorEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{id}/indicators", GetAsync)
            .WithName("GetIndicators")
            .WithSummary("A unit's indicators for a year (?year=, default this year) over its subtree, beside its targets, with its children's.")
            .Produces<IndicatorsResponse>();
        api.MapPut("/units/{id}/indicators/{year}", SetAsync)
            .WithName("SetIndicators")
            .WithSummary("Replaces a unit's own indicator figures and targets for a year (a board of the unit or above); with If-Match (the indicators' version), 409 when they changed since; 409 while the year is closed at the unit.")
            .Accepts<IndicatorRequest>("application/json")
            .Produces<IndicatorView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/units/{id}/indicators.csv", ExportAsync)
            .WithName("ExportIndicatorsCsv")
            .WithSummary("The unit's and its children's indicators for a year as CSV (UTF-8 with BOM): each figure beside its target and whether it is met; separator=semicolon for Excel under Vietnamese regional settings.")
            .Produces<string>(contentType: "text/csv");
        return api;
    }

    public static async Task<IResult> GetAsync(string id, string? year, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var (view, problem) = await UnitViewReader.ReadAsync(id, year, context, access, hierarchy, time);
        if (view is null)
        {
            return problem!;
        }

        context.Response.Headers.ETag = EntityTags.Of(view.Indicators?.Version ?? 0);
        return TypedResults.Ok(IndicatorsResponse.From(view));
    }

    public static async Task<IResult> SetAsync(string id, string year, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var unit = await access.ForIndicatorsAsync(context, id, hierarchy);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var errors = new List<ValidationError>();
        var y = QueryValues.Year(year, 0, errors);
        long? expected = null;
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            if (EntityTags.TryParse(ifMatch, out var version))
            {
                expected = version;
            }
            else
            {
                errors.Add(new ValidationError("If-Match", Messages.IfMatchFormat.Format(ifMatch)));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var (request, problem) = await RequestBodies.ReadJsonAsync<IndicatorRequest>(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var result = await hierarchy.Grains.GetGrain<IUnitIndicatorGrain>(id).SetIndicatorsAsync(y, request!.Figures, request.Targets, unit.Caller!.AuditName, expected);
        switch (result.Outcome)
        {
            case IndicatorOutcome.Updated:
                var view = await hierarchy.Unit(id).GetViewAsync(y, time.Today());
                context.Response.Headers.ETag = EntityTags.Of(result.Version);
                return TypedResults.Ok(view!.Indicators);
            case IndicatorOutcome.Conflict:
                context.Response.Headers.ETag = EntityTags.Of(result.Version);
                return Problems.Conflict(
                    IndicatorMessages.Changed.Format(PartyNames.Organisation(unit.Unit!.Level, unit.Unit.Name), expected, result.Version),
                    "If-Match",
                    new Dictionary<string, object?> { ["version"] = result.Version });
            case IndicatorOutcome.Closed:
                return Problems.Conflict(result.Errors[0]);
            case IndicatorOutcome.UnknownUnit:
                return Problems.NotFound(Messages.UnitNotFound.Format(id));
            default:
                return Problems.Validation(result.Errors);
        }
    }

    public static async Task<IResult> ExportAsync(string id, string? year, string? separator, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var errors = new List<ValidationError>();
        var format = CsvFormat.FromQuery(separator, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var (view, problem) = await UnitViewReader.ReadAsync(id, year, context, access, hierarchy, time);
        if (view is null)
        {
            return problem!;
        }

        var csv = new StringBuilder();
        csv.Append(CsvText.Line(
            [
                "id", "name", "level", "year", "population", "members", "membersPerPopulationPercent", "targetMembersPerPopulationPercent", "membersPerPopulationMet",
                "residentialGroups", "groupsWithoutMembers", "targetGroupsWithoutMembers", "groupsWithoutMembersMet",
                "groupLeaders", "leadersWhoAreMembers", "leaderSharePercent", "targetLeaderSharePercent", "leaderShareMet",
                "youthUnionIntroductions", "targetYouthUnionIntroductions", "youthUnionIntroductionsMet", "unitsReporting",
            ],
            format));
        csv.Append(Row(view.Id, view.Name, view.Level, view.Year, view.Indicators, format));
        foreach (var child in view.Children)
        {
            csv.Append(Row(child.Id, child.Name, child.Level, view.Year, child.Indicators, format));
        }

        return Csv.File(csv.ToString(), $"indicators-{id}-{view.Year}.csv");
    }

    private static string Row(string id, string name, UnitLevel level, int year, IndicatorView? i, CsvFormat format)
    {
        var t = i?.Targets;
        return CsvText.Line(
            [
                id, name, JsonNames.Of(level), year, i?.Population, i?.Members, i?.MembersPerPopulationPercent, t?.MembersPerPopulationPercent, Met(i?.MembersPerPopulationMet),
                i?.ResidentialGroups, i?.GroupsWithoutMembers, t?.GroupsWithoutMembers, Met(i?.GroupsWithoutMembersMet),
                i?.GroupLeaders, i?.LeadersWhoAreMembers, i?.LeaderSharePercent, t?.LeaderSharePercent, Met(i?.LeaderShareMet),
                i?.YouthUnionIntroductions, t?.YouthUnionIntroductions, Met(i?.YouthUnionIntroductionsMet), i?.Reporting,
            ],
            format);
    }

    private static string? Met(bool? met) => met switch
    {
        true => "yes",
        false => "no",
        null => null,
    };
}
