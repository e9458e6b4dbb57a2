using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Units;
using Hierarchy.Grains.WhatIf;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>
/// What-if scenarios. Boards and committees whose unit is a scenario's root or above read it; only such a board
/// creates, edits, applies or discards it. Nothing live changes until apply, which is all or nothing.
/// </summary>
public static class ScenarioEndpoints
{
    private static readonly Dictionary<string, ScenarioEditType> EditTypes = Names<ScenarioEditType>();
    private static readonly Dictionary<string, RedistributionMethod> Methods = Names<RedistributionMethod>();

    public static RouteGroupBuilder MapScenarioEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/scenarios", CreateAsync)
            .WithName("CreateScenario")
            .WithSummary("Snapshots a unit's subtree for a year into a new scenario; a board of that unit or above only.")
            .Accepts<ScenarioRequest>("application/json")
            .Produces<ScenarioReport>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/scenarios", ListAsync)
            .WithName("ListScenarios")
            .WithSummary("The scenarios over the caller's unit or below, newest first.")
            .Produces<IReadOnlyList<ScenarioSummary>>();
        api.MapGet("/scenarios/{id}", GetAsync)
            .WithName("GetScenario")
            .WithSummary("A scenario's projection around a unit (?unitId=, the root by default), compared with live and, with ?compareTo=, with another scenario.")
            .Produces<ScenarioReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/scenarios/{id}/edits", EditAsync)
            .WithName("EditScenario")
            .WithSummary("One edit: setQuota, move, redistribute, lock, unlock or undo; answers with the scenario after it (around ?unitId=).")
            .Accepts<ScenarioEditRequest>("application/json")
            .Produces<ScenarioEditResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/scenarios/{id}/apply", ApplyAsync)
            .WithName("ApplyScenario")
            .WithSummary("Writes the scenario's quotas to the live units with an audit entry each; 409 listing the units whose quotas changed since the snapshot.")
            .Produces<ScenarioApplyResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/scenarios/{id}", DiscardAsync)
            .WithName("DiscardScenario")
            .WithSummary("Discards a scenario; live data never saw it.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<IResult> CreateAsync(HttpContext context, AccessControl access, HierarchyService hierarchy, ScenarioService scenarios, TimeProvider time)
    {
        var (caller, denied) = await access.IdentifyAsync(context, allowAnonymous: false);
        if (denied is not null)
        {
            return denied;
        }

        if (caller!.Role != SiloRole.Board)
        {
            return Problems.Forbidden(Messages.OnlyBoardsCreateScenarios.Format());
        }

        var (request, problem) = await RequestBodies.ReadJsonAsync<ScenarioRequest>(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new List<ValidationError>();
        var year = request!.Year ?? time.Today().Year;
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > ScenarioService.MaxNameLength)
        {
            errors.Add(new("name", Messages.ScenarioName.Format(ScenarioService.MaxNameLength)));
        }

        if (year is < QueryValues.MinYear or > QueryValues.MaxYear)
        {
            errors.Add(new("year", Messages.YearRange.Format(QueryValues.MinYear, QueryValues.MaxYear)));
        }

        var root = request.RootUnitId;
        if (string.IsNullOrWhiteSpace(root) || root.Length > 64)
        {
            errors.Add(new("rootUnitId", Messages.ScenarioRootRequired.Format()));
        }
        else if (!(await hierarchy.Unit(root).GetInfoAsync()).Exists)
        {
            errors.Add(new("rootUnitId", Messages.UnitNotFound.Format(root)));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (!await IsAtOrAboveAsync(hierarchy, caller, root!))
        {
            return Problems.Forbidden(Messages.ScenarioRootAbove.Format(root));
        }

        var created = await scenarios.CreateAsync(request.Name, root, year, caller.AuditName);
        if (created.Outcome != ScenarioOutcome.Ok)
        {
            return Problems.Validation([created.Error ?? new ValidationError("body", Messages.ScenarioRefused.Format())]);
        }

        var report = await scenarios.GetReportAsync(created.Scenario!.Id);
        return TypedResults.Created($"{context.Request.PathBase}/api/scenarios/{created.Scenario.Id}", report.Report);
    }

    public static async Task<IResult> ListAsync(HttpContext context, AccessControl access, HierarchyService hierarchy, ScenarioService scenarios)
    {
        var (caller, denied) = await access.IdentifyAsync(context, allowAnonymous: true);
        if (denied is not null)
        {
            return denied;
        }

        if (caller!.Role == SiloRole.Branch)
        {
            return Problems.Forbidden(Messages.ScenariosForBoards.Format());
        }

        var visible = new List<ScenarioSummary>();
        foreach (var summary in await scenarios.ListAsync())
        {
            if (await IsAtOrAboveAsync(hierarchy, caller, summary.RootUnitId))
            {
                visible.Add(summary);
            }
        }

        return TypedResults.Ok<IReadOnlyList<ScenarioSummary>>(visible);
    }

    public static async Task<IResult> GetAsync(string id, string? unitId, string? compareTo, HttpContext context, AccessControl access, HierarchyService hierarchy, ScenarioService scenarios)
    {
        var (_, denied) = await ReadableAsync(id, context, access, hierarchy, scenarios);
        if (denied is not null)
        {
            return denied;
        }

        if (!string.IsNullOrEmpty(compareTo) && (await ReadableAsync(compareTo, context, access, hierarchy, scenarios)).Denied is not null)
        {
            // Another board's scenario is not even confirmed to exist.
            return Problems.Validation("compareTo", Messages.ScenarioMissing.Format(compareTo));
        }

        var result = await scenarios.GetReportAsync(id, unitId, compareTo);
        return result.Outcome switch
        {
            ScenarioOutcome.Ok => TypedResults.Ok(result.Report),
            ScenarioOutcome.NotFound => NotFound(id),
            _ => Problems.Validation([result.Error ?? new ValidationError("id", Messages.ScenarioUnreadable.Format())]),
        };
    }

    public static async Task<IResult> EditAsync(string id, string? unitId, HttpContext context, AccessControl access, HierarchyService hierarchy, ScenarioService scenarios)
    {
        var (caller, denied) = await WritableAsync(id, context, access, hierarchy, scenarios);
        if (denied is not null)
        {
            return denied;
        }

        var (request, problem) = await RequestBodies.ReadJsonAsync<ScenarioEditRequest>(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var (edit, error) = ToEdit(request!);
        if (error is not null)
        {
            return Problems.Validation([error]);
        }

        var result = await scenarios.EditAsync(id, edit!, caller!.AuditName);
        switch (result.Outcome)
        {
            case ScenarioOutcome.Ok:
                var report = await scenarios.GetReportAsync(id, unitId);
                if (report.Outcome == ScenarioOutcome.Invalid)
                {
                    // The edit is done; a focus that is not in the scenario only falls back to the root.
                    report = await scenarios.GetReportAsync(id);
                }

                return TypedResults.Ok(new ScenarioEditResponse(result.Edit, result.Undone, report.Report!));
            case ScenarioOutcome.NotFound:
                return NotFound(id);
            case ScenarioOutcome.Applied:
                return Problems.Conflict(result.Error ?? new ValidationError("scenario", Messages.ScenarioApplied.Format()));
            default:
                return Problems.Validation([result.Error ?? new ValidationError("type", Messages.EditRefused.Format())]);
        }
    }

    public static async Task<IResult> ApplyAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy, ScenarioService scenarios)
    {
        var (caller, denied) = await WritableAsync(id, context, access, hierarchy, scenarios);
        if (denied is not null)
        {
            return denied;
        }

        var result = await scenarios.ApplyAsync(id, caller!.AuditName);
        return result.Outcome switch
        {
            ScenarioOutcome.Ok => TypedResults.Ok(new ScenarioApplyResponse(result.Scenario!, result.AppliedUnits)),
            ScenarioOutcome.NotFound => NotFound(id),
            ScenarioOutcome.Applied => Problems.Conflict(result.Error ?? new ValidationError("scenario", Messages.ScenarioApplied.Format())),
            ScenarioOutcome.Conflict => Problems.Conflict(
                Messages.ApplyConflicts.Format(result.Conflicts.Count, string.Join(", ", result.Conflicts.Take(5).Select(c => SiloCultures.IsEnglish ? $"{c.Name}: {c.Reason}" : c.Name))),
                "scenario",
                new Dictionary<string, object?> { ["conflicts"] = result.Conflicts, ["notRolledBack"] = result.NotRolledBack }),
            _ => Problems.Validation([result.Error ?? new ValidationError("edits", Messages.ScenarioNotApplicable.Format())]),
        };
    }

    public static async Task<IResult> DiscardAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy, ScenarioService scenarios)
    {
        var (_, denied) = await WritableAsync(id, context, access, hierarchy, scenarios);
        if (denied is not null)
        {
            return denied;
        }

        return await scenarios.DiscardAsync(id) ? TypedResults.NoContent() : NotFound(id);
    }

    private static async Task<(ScenarioSummary? Scenario, IResult? Denied)> ReadableAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy, ScenarioService scenarios)
    {
        var (caller, denied) = await access.IdentifyAsync(context, allowAnonymous: true);
        if (denied is not null)
        {
            return (null, denied);
        }

        if (await scenarios.GetSummaryAsync(id) is not { } summary)
        {
            return (null, NotFound(id));
        }

        return caller!.Role != SiloRole.Branch && await IsAtOrAboveAsync(hierarchy, caller, summary.RootUnitId)
            ? (summary, null)
            : (null, Problems.Forbidden(Messages.ScenarioOutsideSubtree.Format(id)));
    }

    private static async Task<(Caller? Caller, IResult? Denied)> WritableAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy, ScenarioService scenarios)
    {
        var (caller, denied) = await access.IdentifyAsync(context, allowAnonymous: false);
        if (denied is not null)
        {
            return (null, denied);
        }

        if (await scenarios.GetSummaryAsync(id) is not { } summary)
        {
            return (null, NotFound(id));
        }

        return caller!.Role == SiloRole.Board && await IsAtOrAboveAsync(hierarchy, caller, summary.RootUnitId)
            ? (caller, null)
            : (null, Problems.Forbidden(Messages.ScenarioBoardAbove.Format(summary.RootName, id)));
    }

    private static async Task<bool> IsAtOrAboveAsync(HierarchyService hierarchy, Caller caller, string unitId) =>
        caller.IsAnonymous || caller.UnitId == unitId || await hierarchy.IsWithinAsync(unitId, caller.UnitId!);

    private static (ScenarioEdit? Edit, ValidationError? Error) ToEdit(ScenarioEditRequest request)
    {
        if (request.Type is null || !EditTypes.TryGetValue(request.Type, out var type))
        {
            return (null, new ValidationError("type", Messages.EditTypeOneOf.Format(string.Join(", ", EditTypes.Keys))));
        }

        RedistributionMethod? method = null;
        if (type == ScenarioEditType.Redistribute)
        {
            if (request.Method is null || !Methods.TryGetValue(request.Method, out var known))
            {
                return (null, new ValidationError("method", Messages.MethodOneOf.Format(string.Join(", ", Methods.Keys))));
            }

            method = known;
        }

        CandidateStage? fromStage = null;
        if (method == RedistributionMethod.Candidates && !string.IsNullOrWhiteSpace(request.FromStage))
        {
            var errors = new List<ValidationError>();
            fromStage = AdmissionRequestParser.Enum<CandidateStage>(request.FromStage, "fromStage", errors);
            if (errors.Count > 0)
            {
                return (null, errors[0]);
            }
        }

        return (new ScenarioEdit(type, request.UnitId, request.Quota, request.FromUnitId, request.ToUnitId, request.Amount, method, fromStage), null);
    }

    private static IResult NotFound(string id) => Problems.NotFound(Messages.ScenarioNotFound.Format(id));

    private static Dictionary<string, TEnum> Names<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(v => JsonNames.Of(v), v => v, StringComparer.Ordinal);
}
