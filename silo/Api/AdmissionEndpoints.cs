using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>A branch's admissions: report, list, correct.</summary>
public static class AdmissionEndpoints
{
    public static RouteGroupBuilder MapAdmissionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/units/{id}/admissions", ReportAsync)
            .WithName("ReportAdmission")
            .WithSummary("Reports an admission at a branch: 201 when recorded, 200 for a repeat of the same key and content, 409 for the same key with different content.")
            .Accepts<AdmissionRequest>("application/json")
            .Produces<AdmissionResponse>(StatusCodes.Status201Created)
            .Produces<AdmissionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/units/{id}/admissions", ListAsync)
            .WithName("ListAdmissions")
            .WithSummary("A branch's admissions, newest first, without names.")
            .Produces<IReadOnlyList<AdmissionResponse>>();
        api.MapGet("/units/{id}/admissions/{admissionId}", GetOneAsync)
            .WithName("GetAdmission")
            .Produces<AdmissionResponse>();
        api.MapDelete("/units/{id}/admissions/{admissionId}", RetractAsync)
            .WithName("RetractAdmission")
            .WithSummary("Corrects a mistake: retracts an admission with a reason (JSON { reason } or ?reason=); totals everywhere drop by it.")
            .Accepts<RetractionRequest>("application/json")
            .Produces<AdmissionResponse>()
            .ProducesValidationProblem();
        return api;
    }

    public static async Task<IResult> ReportAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var unit = await access.ForBranchWriteAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var (request, problem) = await RequestBodies.ReadJsonAsync<AdmissionRequest>(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new List<ValidationError>();
        var report = AdmissionRequestParser.Parse(request!, time.Today(), errors);
        if (report is null)
        {
            return Problems.Validation(errors);
        }

        var result = await hierarchy.Unit(id).ReportAdmissionAsync(report, unit.Caller!.AuditName);

        // The grain answers without the name; the secretary who just sent it gets it back with the record.
        var names = SeesNames(unit.Caller, id);
        var sent = result.Record is { } r && names ? r with { Report = r.Report with { Name = report.Name } } : result.Record;
        return result.Outcome switch
        {
            AdmissionOutcome.Created => TypedResults.Created(
                $"{context.Request.PathBase}/api/units/{Uri.EscapeDataString(id)}/admissions/{Uri.EscapeDataString(sent!.Id)}",
                AdmissionResponse.From(sent, names)),
            AdmissionOutcome.Repeated => TypedResults.Ok(AdmissionResponse.From(sent!, names)),
            _ => Failure(result, id),
        };
    }

    public static async Task<IResult> ListAsync(string id, string? year, HttpContext context, AccessControl access, HierarchyService hierarchy)
    {
        var unit = await access.ForReadAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var errors = new List<ValidationError>();
        int? y = string.IsNullOrWhiteSpace(year) ? null : QueryValues.Year(year, 0, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var names = SeesNames(unit.Caller, id);
        var records = names ? await hierarchy.Unit(id).ListAdmissionsWithNamesAsync(y) : await hierarchy.Unit(id).ListAdmissionsAsync(y);
        return TypedResults.Ok(records.Select(r => AdmissionResponse.From(r, names)).ToList());
    }

    public static async Task<IResult> GetOneAsync(string id, string admissionId, HttpContext context, AccessControl access, HierarchyService hierarchy)
    {
        var unit = await access.ForReadAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var names = SeesNames(unit.Caller, id);
        var records = names ? await hierarchy.Unit(id).ListAdmissionsWithNamesAsync(null) : await hierarchy.Unit(id).ListAdmissionsAsync(null);
        var record = records.FirstOrDefault(r => r.Id == admissionId);
        return record is null
            ? Problems.NotFound(Messages.AdmissionNotFound.Format(admissionId, id), "admissionId")
            : TypedResults.Ok(AdmissionResponse.From(record, names));
    }

    public static async Task<IResult> RetractAsync(string id, string admissionId, string? reason, HttpContext context, AccessControl access, HierarchyService hierarchy)
    {
        var unit = await access.ForBranchWriteAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var (body, problem) = await RequestBodies.ReadJsonAsync<RetractionRequest>(context.Request, context.RequestAborted, allowEmpty: true);
        if (problem is not null)
        {
            return problem;
        }

        var why = (body?.Reason ?? reason)?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            return Problems.Validation("reason", Messages.CorrectionNeedsReason.Format());
        }

        var result = await hierarchy.Unit(id).RetractAdmissionAsync(admissionId, why, unit.Caller!.AuditName);
        return result.Outcome is AdmissionOutcome.Created or AdmissionOutcome.Repeated
            ? TypedResults.Ok(AdmissionResponse.From(result.Record!, SeesNames(unit.Caller, id)))
            : Failure(result, id);
    }

    /// <summary>Names are personal data kept at the branch: only the branch's own secretary reads them back.</summary>
    internal static bool SeesNames(Caller? caller, string branchId) =>
        caller is { Role: SiloRole.Branch } && string.Equals(caller.UnitId, branchId, StringComparison.Ordinal);

    /// <summary>The domain's refusals as HTTP answers, each naming the field it is about.</summary>
    public static IResult Failure(AdmissionResult result, string unitId) => result.Outcome switch
    {
        AdmissionOutcome.Conflict => Problems.Conflict(result.Errors.FirstOrDefault() ?? new ValidationError("idempotencyKey", Messages.KeyReused.Format())),
        AdmissionOutcome.UnknownUnit => Problems.NotFound(Messages.UnitNotFound.Format(unitId)),
        AdmissionOutcome.NotFound when result.Errors.FirstOrDefault() is { } missing => Problems.NotFound(DomainMessages.Localize(missing).Message, missing.Field),
        AdmissionOutcome.NotABranch => Problems.Validation(result.Errors.Select(e => e with { Field = e.Field == "unitId" ? "branchId" : e.Field })),
        _ => Problems.Validation(result.Errors.Count > 0 ? result.Errors : [new ValidationError("body", Messages.AdmissionRefused.Format())]),
    };
}
