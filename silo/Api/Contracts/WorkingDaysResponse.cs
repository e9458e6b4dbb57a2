namespace Hierarchy.Silo.Api.Contracts;

/// <param name="Due">The <paramref name="Days"/>-th working day after <paramref name="From"/>, which is not counted.</param>
/// <param name="Holidays">The holidays between the two that were not counted.</param>
public sealed record WorkingDaysResponse(DateOnly From, int Days, DateOnly Due, IReadOnlyList<CalendarDayResponse> Holidays);
