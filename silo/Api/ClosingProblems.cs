using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Closing;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Silo.Api;

/// <summary>Refusals about closed periods as problem details: each names the closing, or the units still open, in the caller's language.</summary>
public static class ClosingProblems
{
    public static IResult Refused(ClosingResult result, string unitId, string? parentId)
    {
        var error = result.Error is { } e ? DomainMessages.Localize(e) : null;
        return result.Outcome switch
        {
            ClosingOutcome.UnknownUnit => Problems.NotFound(Messages.UnitNotFound.Format(unitId)),
            ClosingOutcome.NotClosed => Problems.NotFound(error!.Message, error.Field),
            ClosingOutcome.ChildrenOpen => Problems.Conflict(error!.Message, error.Field, new Dictionary<string, object?>
            {
                ["openUnits"] = result.Units.Select(ClosingUnitResponse.From).ToList(),
            }),
            ClosingOutcome.ParentClosed => Problems.Conflict(error!.Message, error.Field, new Dictionary<string, object?>
            {
                ["closing"] = ClosingResponse.Of(parentId ?? string.Empty, result.Closing!),
            }),
            _ => Problems.Validation([error ?? new ValidationError("period", ClosingMessages.PeriodRequired.Format())]),
        };
    }

    /// <summary>
    /// An upload with rows dated in a closed period: 409, nothing recorded, each such row named by its line, the first
    /// one's closing as the detail.
    /// </summary>
    public static IResult? FileRefused(IEnumerable<(int Line, AdmissionResult Result)> rows)
    {
        var closed = rows
            .Select(r => (r.Line, Error: r.Result.Errors.FirstOrDefault(e => e.Code == ClosingCodes.PeriodClosed)))
            .Where(r => r.Error is not null)
            .Select(r => (r.Line, Error: DomainMessages.Localize(r.Error!)))
            .ToList();
        if (closed.Count == 0)
        {
            return null;
        }

        var lines = closed.Select(r => Messages.CsvLine.Format(r.Line, r.Error.Message)).ToArray();
        return TypedResults.Problem(
            $"{Messages.FileNotImported.Format()} {lines[0]}",
            statusCode: StatusCodes.Status409Conflict,
            title: Messages.ConflictTitle.Format(),
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["admittedOn"] = lines } });
    }
}
