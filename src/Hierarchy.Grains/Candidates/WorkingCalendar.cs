using Microsoft.Extensions.Options;

namespace Hierarchy.Grains.Candidates;

/// <summary>
/// The working days the party's rules count deadlines in: Monday to Friday, except Vietnam's public holidays (the
/// built-in data, <see cref="BuiltInCalendar"/>, and whatever configuration adds), plus the weekend days a government
/// decision makes working days. Configuration wins over the built-in data, so an administrator can correct a year the
/// data only estimated. Years the data does not hold have weekends only until they are configured.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly IReadOnlyList<DayOfWeek> Weekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly Dictionary<DateOnly, Holiday> holidays = [];
    private readonly Dictionary<DateOnly, ExtraWorkingDay> workingDays = [];
    private readonly HashSet<DateOnly> configured = [];
    private readonly HashSet<int> builtInYears;

    public WorkingCalendar(IOptions<CalendarOptions> options)
        : this(BuiltInCalendar.Vietnam, options.Value)
    {
    }

    internal WorkingCalendar(BuiltInCalendar builtIn, CalendarOptions options)
    {
        builtInYears = [.. builtIn.Holidays.Select(h => h.Date.Year)];
        foreach (var holiday in builtIn.Holidays)
        {
            holidays[holiday.Date] = holiday;
        }

        foreach (var day in builtIn.WorkingDays)
        {
            workingDays[day.Date] = day;
        }

        var offAndWorked = options.Holidays.Select(h => h.Date).Intersect(options.WorkingDays.Select(d => d.Date)).ToList();
        if (offAndWorked.Count > 0)
        {
            throw new ArgumentException($"{offAndWorked[0]:yyyy-MM-dd} is configured both as a holiday and as a working day.", nameof(options));
        }

        foreach (var holiday in options.Holidays)
        {
            workingDays.Remove(holiday.Date);
            holidays[holiday.Date] = holiday;
            configured.Add(holiday.Date);
        }

        foreach (var day in options.WorkingDays)
        {
            holidays.Remove(day.Date);
            workingDays[day.Date] = day;
            configured.Add(day.Date);
        }
    }

    public bool IsWorkingDay(DateOnly day) =>
        workingDays.ContainsKey(day) || (!IsWeekend(day) && !holidays.ContainsKey(day));

    /// <summary>The date of the <paramref name="days"/>-th working day after <paramref name="start"/> (which is not counted, working day or not).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                days--;
            }
        }

        return day;
    }

    /// <summary>The working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day < to;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The year's holidays that are days off, in date order (a holiday configuration makes a working day is left out).</summary>
    public IReadOnlyList<Holiday> HolidaysIn(int year) =>
        [.. holidays.Values.Where(h => h.Date.Year == year).OrderBy(h => h.Date)];

    /// <summary>The year's weekend days and holidays that are worked, in date order.</summary>
    public IReadOnlyList<ExtraWorkingDay> ExtraWorkingDaysIn(int year) =>
        [.. workingDays.Values.Where(d => d.Date.Year == year).OrderBy(d => d.Date)];

    /// <summary>Whether the day's holiday or working day comes from configuration rather than the built-in data.</summary>
    public bool IsConfigured(DateOnly day) => configured.Contains(day);

    /// <summary>Whether the built-in data holds the year's public holidays; otherwise only configuration does.</summary>
    public bool HasBuiltInHolidays(int year) => builtInYears.Contains(year);

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
