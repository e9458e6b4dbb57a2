using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>The working-day calendar the deadlines of the admission procedure are counted in.</summary>
public static class CalendarEndpoints
{
    /// <summary>Far beyond the longest deadline (60 working days), and short enough that no answer runs off the calendar.</summary>
    public const int MaxDays = 1000;

    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/calendar", GetYearAsync)
            .WithName("GetCalendar")
            .WithSummary("The year's holidays (built-in and configured) and worked weekend days, and the weekend rule (this year by default).")
            .Produces<CalendarResponse>()
            .ProducesValidationProblem();
        api.MapGet("/calendar/working-days", GetWorkingDaysAsync)
            .WithName("GetWorkingDays")
            .WithSummary("The date of the days-th working day after from (from itself not counted), and the holidays skipped on the way.")
            .Produces<WorkingDaysResponse>()
            .ProducesValidationProblem();
        return api;
    }

    public static async Task<IResult> GetYearAsync(string? year, HttpContext context, AccessControl access, WorkingCalendar calendar, TimeProvider time)
    {
        // The calendar is public knowledge, not unit data: any signed-in user reads it, an admin too.
        var (_, denied) = await access.IdentifyAsync(context, allowAnonymous: false, allowAdmin: true);
        if (denied is not null)
        {
            return denied;
        }

        var errors = new List<ValidationError>();
        var chosen = QueryValues.Year(year, time.Today().Year, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(new CalendarResponse(
            chosen,
            WorkingCalendar.Weekend,
            calendar.HasBuiltInHolidays(chosen),
            calendar.WorkingDaysBetween(new DateOnly(chosen, 1, 1).AddDays(-1), new DateOnly(chosen, 12, 31)),
            [.. calendar.HolidaysIn(chosen).Select(h => Day(h.Date, h.Name, calendar))],
            [.. calendar.ExtraWorkingDaysIn(chosen).Select(d => Day(d.Date, d.Name, calendar))]));
    }

    public static async Task<IResult> GetWorkingDaysAsync(string? from, string? days, HttpContext context, AccessControl access, WorkingCalendar calendar)
    {
        var (_, denied) = await access.IdentifyAsync(context, allowAnonymous: false, allowAdmin: true);
        if (denied is not null)
        {
            return denied;
        }

        var errors = new List<ValidationError>();
        var start = AdmissionRequestParser.Date(from, "from", errors);
        if (start is { Year: < QueryValues.MinYear or > QueryValues.MaxYear })
        {
            errors.Add(new("from", Messages.YearRange.Format(QueryValues.MinYear, QueryValues.MaxYear)));
        }

        if (string.IsNullOrWhiteSpace(days))
        {
            errors.Add(new("days", CalendarMessages.DaysRequired.Format(1, MaxDays)));
        }

        var count = QueryValues.Int(days, 0, 1, MaxDays, errors, "days");
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var due = calendar.AddWorkingDays(start!.Value, count);
        var skipped = Enumerable.Range(start.Value.Year, due.Year - start.Value.Year + 1)
            .SelectMany(calendar.HolidaysIn)
            .Where(h => h.Date > start.Value && h.Date < due)
            .Select(h => Day(h.Date, h.Name, calendar));
        return TypedResults.Ok(new WorkingDaysResponse(start.Value, count, due, [.. skipped]));
    }

    private static CalendarDayResponse Day(DateOnly date, string name, WorkingCalendar calendar) =>
        new(date, date.DayOfWeek, name, calendar.IsConfigured(date));
}
