namespace Hierarchy.Silo.Api.Contracts;

/// <param name="BuiltIn">Whether the shipped data holds the year's public holidays; if not, only the configured ones are known.</param>
/// <param name="WorkingDayCount">The year's working days, as the deadlines count them.</param>
/// <param name="WorkingDays">Weekend days and holidays that are worked, such as a Saturday swapped for a weekday off.</param>
public sealed record CalendarResponse(
    int Year,
    IReadOnlyList<DayOfWeek> Weekend,
    bool BuiltIn,
    int WorkingDayCount,
    IReadOnlyList<CalendarDayResponse> Holidays,
    IReadOnlyList<CalendarDayResponse> WorkingDays);
