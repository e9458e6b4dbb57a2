namespace Hierarchy.Grains.Candidates;

/// <summary>
/// The days an administrator adds to the built-in calendar without a rebuild (the host fills these from the
/// <c>Calendar</c> section). They win over the built-in data: a configured working day is worked even on a built-in
/// holiday, and a configured holiday is off even on a built-in working Saturday.
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    public IList<Holiday> Holidays { get; } = new List<Holiday>();

    public IList<ExtraWorkingDay> WorkingDays { get; } = new List<ExtraWorkingDay>();
}
