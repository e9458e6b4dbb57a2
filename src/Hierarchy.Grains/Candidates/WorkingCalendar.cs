namespace Hierarchy.Grains.Candidates;

/// <summary>Working days: Monday to Friday.</summary>
public sealed class WorkingCalendar
{
    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
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
}
