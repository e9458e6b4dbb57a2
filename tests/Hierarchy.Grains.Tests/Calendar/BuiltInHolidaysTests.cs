using System.Text;
using Hierarchy.Grains.Candidates;
using static Hierarchy.Grains.Tests.Calendar.Calendars;

namespace Hierarchy.Grains.Tests.Calendar;

/// <summary>The shipped data against the Labour Code 2019 and the breaks as the government announced them.</summary>
public sealed class BuiltInHolidaysTests
{
    public static TheoryData<int> Years => [2024, 2025, 2026, 2027];

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_year_has_the_fixed_holidays(int year)
    {
        Assert.True(BuiltIn.HasBuiltInHolidays(year));
        var days = BuiltIn.HolidaysIn(year).Select(h => h.Date).ToHashSet();
        Assert.Superset(new HashSet<DateOnly> { Day(year, 1, 1), Day(year, 4, 30), Day(year, 5, 1), Day(year, 9, 2) }, days);
        Assert.True(days.Contains(Day(year, 9, 1)) || days.Contains(Day(year, 9, 3)), "2 September has an adjacent day off");
        Assert.All(BuiltIn.HolidaysIn(year), h => Assert.False(string.IsNullOrWhiteSpace(h.Name)));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_year_gives_the_eleven_days_off_of_the_Labour_Code(int year)
    {
        // A holiday on a weekend is given in lieu on a weekday, and a weekday swapped off is worked on a Saturday, so
        // weekdays off less worked weekend days is always the eleven days of Article 112.
        var weekdaysOff = BuiltIn.HolidaysIn(year).Count(h => h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.Equal(11, weekdaysOff - BuiltIn.ExtraWorkingDaysIn(year).Count);
    }

    [Fact]
    public void Every_worked_day_is_a_weekend_day()
    {
        foreach (var year in Enumerable.Range(2024, 4))
        {
            Assert.All(BuiltIn.ExtraWorkingDaysIn(year), d => Assert.Contains(d.Date.DayOfWeek, WorkingCalendar.Weekend));
        }
    }

    [Theory]
    [InlineData("2024-02-08", "2024-02-14")]
    [InlineData("2025-01-25", "2025-02-02")]
    [InlineData("2026-02-14", "2026-02-22")]
    public void The_Tet_break_is_off_from_its_first_to_its_last_day(string first, string last)
    {
        var (from, to) = (DateOnly.Parse(first), DateOnly.Parse(last));
        var tet = BuiltIn.HolidaysIn(from.Year).Where(h => h.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)).Select(h => h.Date).ToList();
        Assert.Equal(from, tet.Min());
        Assert.Equal(to, tet.Max());
        Assert.Equal(to.DayNumber - from.DayNumber + 1, tet.Count);
        Assert.True(BuiltIn.IsWorkingDay(from.AddDays(-1)));
        Assert.True(BuiltIn.IsWorkingDay(to.AddDays(1)));
    }

    [Fact]
    public void The_file_says_which_year_is_not_decided()
    {
        var description = BuiltInCalendar.Vietnam.Description;
        Assert.Contains("2027 is not decided", description, StringComparison.Ordinal);
        Assert.Contains("statutory", description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_or_a_day_both_off_and_worked_is_refused()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => Read("""{"description":"x","holidays":[{"date":"2026-01-01","nam":"Tết"}],"workingDays":[]}"""));
        Assert.Throws<InvalidDataException>(() => Read("""{"description":"x","holidays":[{"date":"2026-01-01","name":" "}],"workingDays":[]}"""));
        Assert.Throws<InvalidDataException>(() => Read("""{"description":"x","holidays":[{"date":"2026-01-03","name":"Nghỉ"}],"workingDays":[{"date":"2026-01-03","name":"Làm"}]}"""));
    }

    private static BuiltInCalendar Read(string json) => BuiltInCalendar.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
