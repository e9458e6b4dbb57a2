using Hierarchy.Grains.Candidates;
using Microsoft.Extensions.Options;

namespace Hierarchy.Grains.Tests.Calendar;

/// <summary>Working calendars as the silo builds them: the built-in holidays, and whatever configuration adds.</summary>
internal static class Calendars
{
    public static WorkingCalendar BuiltIn { get; } = With(_ => { });

    public static WorkingCalendar With(Action<CalendarOptions> configure)
    {
        var options = new CalendarOptions();
        configure(options);
        return new WorkingCalendar(Options.Create(options));
    }

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);
}
