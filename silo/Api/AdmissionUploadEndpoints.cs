using System.Text;
using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>
/// A branch's admissions as a CSV file (UTF-8, header <c>idempotencyKey,admittedOn,gender,birthDate,youthUnion,
/// ethnicMinority,religious,privateBusinessOwner,education,occupation,name</c>). Cells take the API's codes or the
/// Vietnamese a secretary types (Nữ/Nam, Có/Không, dd/mm/yyyy). Every row is checked first: one bad row rejects the
/// file and nothing is recorded.
/// </summary>
public static class AdmissionUploadEndpoints
{
    private const int MaxRows = 10_000;
    private const int MaxReportedErrors = 50;

    private static readonly string[] RequiredColumns = ["idempotencyKey", "admittedOn", "gender", "birthDate", "education", "occupation"];
    private static readonly string[] FlagColumns = ["youthUnion", "ethnicMinority", "religious", "privateBusinessOwner"];

    public static RouteGroupBuilder MapAdmissionUploadEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/units/{id}/admissions/upload", UploadAsync)
            .WithName("UploadAdmissions")
            .WithSummary("Reports a branch's admissions from a CSV file (text/csv body or a multipart file); all rows or none.")
            // Both kinds must be listed: routing answers 415 to a content type the endpoint does not declare.
            .Accepts<string>("text/csv", "multipart/form-data")
            .Produces<UploadResponse>()
            .ProducesValidationProblem()
            .DisableAntiforgery();
        return api;
    }

    public static async Task<IResult> UploadAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var unit = await access.ForBranchWriteAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var (text, unreadable) = await CsvUploads.ReadAsync(context);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var (reports, errors) = Parse(text!, time.Today());
        if (errors.Count > 0)
        {
            return Problems.Validation(errors.Take(MaxReportedErrors), Messages.FileNotImported.Format());
        }

        var results = await hierarchy.Unit(id).ReportAdmissionsAsync(reports.Select(r => r.Report).ToList(), unit.Caller!.AuditName);
        if (ClosingProblems.FileRefused(reports.Zip(results, (row, result) => (row.Line, result))) is { } closed)
        {
            return closed;
        }

        var rows = reports.Zip(results, (row, result) => new UploadRowResult(
            row.Line,
            row.Report.IdempotencyKey,
            JsonOutcome(result.Outcome),
            result.Record?.Id,
            result.Errors.FirstOrDefault() is { } error ? DomainMessages.Localize(error).Message : null)).ToList();
        return TypedResults.Ok(new UploadResponse(
            rows.Count,
            results.Count(r => r.Outcome == AdmissionOutcome.Created),
            results.Count(r => r.Outcome == AdmissionOutcome.Repeated),
            results.Count(r => r.Outcome == AdmissionOutcome.Conflict),
            rows));
    }

    private static (List<(int Line, AdmissionReport Report)> Reports, List<ValidationError> Errors) Parse(string text, DateOnly today)
    {
        var reports = new List<(int, AdmissionReport)>();
        var errors = new List<ValidationError>();
        var records = CsvText.Read(new StringReader(text)).ToList();
        if (records.Count == 0)
        {
            errors.Add(new("file", Messages.FileEmpty.Format()));
            return (reports, errors);
        }

        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        int Column(string name) => header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        foreach (var missing in RequiredColumns.Where(c => Column(c) < 0))
        {
            errors.Add(new(missing, Messages.HeaderMissingColumn.Format(missing)));
        }

        if (records.Count - 1 > MaxRows)
        {
            errors.Add(new("file", Messages.TooManyRows.Format(MaxRows)));
        }

        if (errors.Count > 0)
        {
            return (reports, errors);
        }

        foreach (var (line, fields) in records.Skip(1))
        {
            string? Value(string name) => Column(name) is var i && i >= 0 && i < fields.Count ? fields[i] : null;
            var rowErrors = new List<ValidationError>();
            var request = new AdmissionRequest
            {
                IdempotencyKey = Value("idempotencyKey"),
                AdmittedOn = CsvAdmissionValues.Date(Value("admittedOn")),
                Gender = CsvAdmissionValues.Gender(Value("gender")),
                BirthDate = CsvAdmissionValues.Date(Value("birthDate")),
                Education = CsvAdmissionValues.Education(Value("education")),
                Occupation = CsvAdmissionValues.Occupation(Value("occupation")),
                Name = Value("name"),
                YouthUnion = Flag(Value(FlagColumns[0]), FlagColumns[0], rowErrors),
                EthnicMinority = Flag(Value(FlagColumns[1]), FlagColumns[1], rowErrors),
                Religious = Flag(Value(FlagColumns[2]), FlagColumns[2], rowErrors),
                PrivateBusinessOwner = Flag(Value(FlagColumns[3]), FlagColumns[3], rowErrors),
            };
            var report = AdmissionRequestParser.Parse(request, today, rowErrors);
            if (report is null || rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(e => e with { Message = Messages.CsvLine.Format(line, e.Message) }));
            }
            else
            {
                reports.Add((line, report));
            }
        }

        if (reports.Count == 0 && errors.Count == 0)
        {
            errors.Add(new("file", Messages.NoRows.Format()));
        }

        return (reports, errors);
    }

    private static bool? Flag(string? text, string field, List<ValidationError> errors)
    {
        switch (text?.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            case null or "" or "false" or "0" or "no" or "không":
                return false;
            case "true" or "1" or "yes" or "x" or "có":
                return true;
            default:
                errors.Add(new(field, Messages.NotYesOrNo.Format(text)));
                return null;
        }
    }

    private static string JsonOutcome(AdmissionOutcome outcome) => Hierarchy.Grains.Units.JsonNames.Of(outcome);
}
