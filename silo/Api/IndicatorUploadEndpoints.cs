using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Import;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>
/// A board's file of indicators for its unit and the units below it (the populations of its communes from the
/// statistics office, say), in the format of <c>import-indicators</c>: the columns it names replace those figures, the
/// others stay. Every row is checked first: one bad row rejects the file and nothing is recorded.
/// </summary>
public static class IndicatorUploadEndpoints
{
    private const int MaxRows = 20_000;
    private const int MaxReportedErrors = 50;

    public static RouteGroupBuilder MapIndicatorUploadEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/units/{id}/indicators/upload", UploadAsync)
            .WithName("UploadIndicators")
            .WithSummary("Imports indicator figures and targets of the unit and units below it from CSV (text/csv body or a multipart file), for the year of rows without one (?year=, default this year); all rows or none.")
            .Accepts<string>("text/csv", "multipart/form-data")
            .Produces<IndicatorUploadResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DisableAntiforgery();
        return api;
    }

    public static async Task<IResult> UploadAsync(string id, string? year, HttpContext context, AccessControl access, HierarchyService hierarchy, IndicatorCsvImporter importer, TimeProvider time)
    {
        var unit = await access.ForIndicatorsAsync(context, id, hierarchy);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var errors = new List<ValidationError>();
        var defaultYear = QueryValues.Year(year, time.Today().Year, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var (text, unreadable) = await CsvUploads.ReadAsync(context);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (HeaderProblem(text!) is { } header)
        {
            return Problems.Validation([header], Messages.FileNotImported.Format());
        }

        try
        {
            var result = await importer.ImportAsync(new StringReader(text!), defaultYear, unit.Caller!.AuditName, within: id);
            return TypedResults.Ok(new IndicatorUploadResponse(result.Rows, result.Units));
        }
        catch (CsvImportException e)
        {
            var lines = e.Errors.Take(MaxReportedErrors).Select(error =>
            {
                // Worded here, with its line, and so without the code that would have it worded again.
                var worded = DomainMessages.Localize(new ValidationError(error.Field, error.Reason, error.Code, error.Arguments));
                return new ValidationError(error.Field, Messages.CsvLine.Format(error.Line, worded.Message));
            });
            return Problems.Validation(lines, Messages.FileNotImported.Format());
        }
    }

    /// <summary>What the header lacks, worded for the caller; the importer checks the rows.</summary>
    private static ValidationError? HeaderProblem(string text)
    {
        var rows = CsvText.Read(new StringReader(text)).Take(MaxRows + 2).ToList();
        if (rows.Count == 0)
        {
            return new("file", Messages.FileEmpty.Format());
        }

        var header = rows[0].Fields.Select(f => f.Trim()).ToList();
        bool Has(string column) => header.Contains(column, StringComparer.OrdinalIgnoreCase);
        if (!Has("unitId"))
        {
            return new("unitId", Messages.HeaderMissingColumn.Format("unitId"));
        }

        if (!IndicatorCsvImporter.Columns.Any(Has))
        {
            return new("file", IndicatorMessages.NoFigureColumns.Format(string.Join(", ", IndicatorCsvImporter.Columns)));
        }

        if (rows.Count - 1 > MaxRows)
        {
            return new("file", Messages.TooManyRows.Format(MaxRows));
        }

        return rows.Count == 1 ? new("file", Messages.NoRows.Format()) : null;
    }
}
