namespace Hierarchy.Silo.Api.Contracts;

/// <summary>A holiday or a worked day; <c>configured</c> when it comes from <c>Calendar:*</c> rather than the built-in data.</summary>
public sealed record CalendarDayResponse(DateOnly Date, DayOfWeek Weekday, string Name, bool Configured);
