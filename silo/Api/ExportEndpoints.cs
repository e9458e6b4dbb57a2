using System.Text;
using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>A unit's overview as CSV: the unit itself, then one row per child, each with its candidate sources beside its admissions.</summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{id}/export.csv", ExportAsync)
            .WithName("ExportUnitCsv")
            .WithSummary("The unit and its children for a year as CSV (UTF-8 with BOM); separator=semicolon for Excel under Vietnamese regional settings.")
            .Produces<string>(contentType: "text/csv");
        return api;
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
        csv.Append(CsvText.Line(["id", "name", "level", "levelName", "year", "quota", "admitted", "progressPercent", "projected", "status", "membersAtStart", "candidatesOpen", "candidatesPastResolution", "candidatesOverdue"], format));
        csv.Append(CsvText.Line([view.Id, view.Name, JsonNames.Of(view.Level), view.LevelName, view.Year, view.Quota, view.Admitted, Percent(view.Progress), view.Projected, JsonNames.Of(view.Status), view.MembersAtStart, OpenCandidates(view), view.Pipeline?.PastResolution ?? 0, view.Pipeline?.Overdue ?? 0], format));
        foreach (var child in view.Children)
        {
            csv.Append(CsvText.Line([child.Id, child.Name, JsonNames.Of(child.Level), child.LevelName, view.Year, child.Quota, child.Admitted, Percent(child.Progress), child.Projected, JsonNames.Of(child.Status), child.MembersAtStart, child.Candidates?.Open ?? 0, child.Candidates?.PastResolution ?? 0, child.Candidates?.Overdue ?? 0], format));
        }

        return Csv.File(csv.ToString(), $"unit-{id}-{view.Year}.csv");
    }

    /// <summary>The unit's cases still open, from the introduction to probation, as its children's rows count theirs.</summary>
    private static int OpenCandidates(UnitView view) =>
        view.Pipeline is not { } pipeline ? 0 : Enum.GetValues<CandidateStage>().Where(s => s <= CandidateStage.Probationary).Sum(s => pipeline.AtStage.GetValueOrDefault(JsonNames.Of(s)));

    private static double? Percent(double? ratio) => ratio is { } r ? Math.Round(r * 100, 1) : null;
}
