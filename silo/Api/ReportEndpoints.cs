using System.Globalization;
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

/// <summary>The statistics report of new admissions for any unit and period, beside the same period last year.</summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{id}/report", GetAsync)
            .WithName("GetReport")
            .WithSummary("The statistics form's rows for [from, to] (1 January to today by default) against the same period of the previous year.")
            .Produces<ReportResponse>()
            .ProducesValidationProblem();
        api.MapGet("/units/{id}/report.csv", GetCsvAsync)
            .WithName("GetReportCsv")
            .WithSummary("The same report as CSV (UTF-8 with BOM); separator=semicolon for Excel under Vietnamese regional settings.")
            .Produces<string>(contentType: "text/csv");
        return api;
    }

    public static async Task<IResult> GetAsync(string id, string? from, string? to, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var (report, problem) = await BuildAsync(id, from, to, context, access, hierarchy, time);
        return problem ?? TypedResults.Ok(report);
    }

    public static async Task<IResult> GetCsvAsync(string id, string? from, string? to, string? separator, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var errors = new List<ValidationError>();
        var format = CsvFormat.FromQuery(separator, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var (report, problem) = await BuildAsync(id, from, to, context, access, hierarchy, time);
        if (problem is not null)
        {
            return problem;
        }

        var csv = new StringBuilder();
        csv.Append(CsvText.Line(["group", "key", $"{report!.From:yyyy-MM-dd}..{report.To:yyyy-MM-dd}", $"{report.LastYearFrom:yyyy-MM-dd}..{report.LastYearTo:yyyy-MM-dd}", "percent"], format));
        foreach (var row in report.Rows)
        {
            csv.Append(CsvText.Line([row.Group, row.Key, row.ThisPeriod, row.LastYear, row.Percent], format));
        }

        return Csv.File(csv.ToString(), $"report-{id}-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.csv");
    }

    private static async Task<(ReportResponse? Report, IResult? Problem)> BuildAsync(
        string id, string? from, string? to, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var unit = await access.ForReadAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return (null, denied);
        }

        var today = time.Today();
        var errors = new List<ValidationError>();
        var start = QueryValues.Date(from, new DateOnly(today.Year, 1, 1), errors, "from");
        var end = QueryValues.Date(to, today, errors, "to");
        if (errors.Count == 0 && end < start)
        {
            errors.Add(new("to", Messages.PeriodReversed.Format()));
        }

        if (errors.Count == 0 && (start.Year < QueryValues.MinYear + 1 || end.Year > QueryValues.MaxYear))
        {
            errors.Add(new("from", Messages.PeriodOutOfRange.Format()));
        }

        // The form compares the period with the same period a year earlier; a longer one would overlap its own
        // comparison, and days to come have no admissions to count yet.
        if (errors.Count == 0 && end > today)
        {
            errors.Add(new("to", Messages.PeriodEndsToday.Format(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        }

        if (errors.Count == 0 && end >= start.AddYears(1))
        {
            errors.Add(new("to", Messages.PeriodAtMostAYear.Format()));
        }

        if (errors.Count > 0)
        {
            return (null, Problems.Validation(errors));
        }

        var grain = hierarchy.Unit(id);
        var (lastFrom, lastTo) = (start.AddYears(-1), end.AddYears(-1));
        var thisPeriod = grain.TallyPeriodAsync(start, end);
        var lastPeriod = grain.TallyPeriodAsync(lastFrom, lastTo);
        await Task.WhenAll(thisPeriod, lastPeriod);
        return (new ReportResponse(id, unit.Unit!.Name, start, end, lastFrom, lastTo, StatisticsForm.Rows(await thisPeriod, await lastPeriod)), null);
    }
}
