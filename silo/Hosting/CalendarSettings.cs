using System.Globalization;
using Hierarchy.Grains.Candidates;
using Microsoft.Extensions.Configuration;

namespace Hierarchy.Silo.Hosting;

/// <summary>
/// <c>Calendar:Holidays</c> and <c>Calendar:WorkingDays</c>: the days an administrator adds to the built-in calendar,
/// each a <c>Date</c> (yyyy-MM-dd) and a <c>Name</c>. Read by hand rather than bound, so that whatever is wrong stops the
/// start with one line naming its key: a date the binder would read in the host's culture (10/02/2027 as 2 October), a
/// misspelt key it would ignore, a day both off and worked.
/// </summary>
public static class CalendarSettings
{
    private const string HolidaysKey = "Holidays";
    private const string WorkingDaysKey = "WorkingDays";
    private const string DateKey = "Date";
    private const string NameKey = "Name";

    public static CalendarOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(CalendarOptions.Section);
        foreach (var setting in section.GetChildren())
        {
            if (!IsKey(setting, HolidaysKey) && !IsKey(setting, WorkingDaysKey))
            {
                throw new SiloConfigurationException($"{setting.Path} is not a setting: {CalendarOptions.Section} takes {HolidaysKey} and {WorkingDaysKey}, lists of {DateKey} (yyyy-MM-dd) and {NameKey}.");
            }
        }

        var holidays = Days(section.GetSection(HolidaysKey));
        var workingDays = Days(section.GetSection(WorkingDaysKey));
        foreach (var holiday in holidays)
        {
            if (workingDays.FirstOrDefault(w => w.Date == holiday.Date) is { } worked)
            {
                throw new SiloConfigurationException($"{holiday.Path}:{DateKey} and {worked.Path}:{DateKey} are both {holiday.Date:yyyy-MM-dd}: a day is either off or worked.");
            }
        }

        var options = new CalendarOptions();
        foreach (var holiday in holidays)
        {
            options.Holidays.Add(new Holiday(holiday.Date, holiday.Name));
        }

        foreach (var day in workingDays)
        {
            options.WorkingDays.Add(new ExtraWorkingDay(day.Date, day.Name));
        }

        return options;
    }

    private static List<ConfiguredDay> Days(IConfigurationSection list)
    {
        var entries = list.GetChildren().ToList();
        if (entries.Count == 0 && !string.IsNullOrEmpty(list.Value))
        {
            throw new SiloConfigurationException($"{list.Path} must be a list of {DateKey} and {NameKey}, as {list.Path}:0:{DateKey}=2027-02-10 and {list.Path}:0:{NameKey}=…, not '{list.Value}'.");
        }

        return [.. entries.Select(Day)];
    }

    private static ConfiguredDay Day(IConfigurationSection entry)
    {
        foreach (var part in entry.GetChildren())
        {
            if (!IsKey(part, DateKey) && !IsKey(part, NameKey))
            {
                throw new SiloConfigurationException($"{part.Path} is not a setting: each day has {DateKey} (yyyy-MM-dd) and {NameKey}.");
            }
        }

        var dateText = entry[DateKey];
        if (string.IsNullOrWhiteSpace(dateText))
        {
            throw new SiloConfigurationException($"{entry.Path}:{DateKey} is missing: each day has {DateKey} (yyyy-MM-dd) and {NameKey}.");
        }

        if (!DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new SiloConfigurationException($"{entry.Path}:{DateKey} must be a date as yyyy-MM-dd, such as 2027-02-10, not '{dateText}'.");
        }

        var name = entry[NameKey];
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new SiloConfigurationException($"{entry.Path}:{NameKey} is missing: give {date:yyyy-MM-dd} the name the calendar lists it under.");
        }

        return new ConfiguredDay(entry.Path, date, name.Trim());
    }

    private static bool IsKey(IConfigurationSection section, string key) => string.Equals(section.Key, key, StringComparison.OrdinalIgnoreCase);

    private sealed record ConfiguredDay(string Path, DateOnly Date, string Name);
}
