using Hierarchy.Grains.Candidates;
using static Hierarchy.Grains.Tests.Calendar.Calendars;

namespace Hierarchy.Grains.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    [Fact]
    public void A_weekend_is_skipped()
    {
        var friday = Day(2026, 3, 6);
        Assert.Equal(Day(2026, 3, 9), BuiltIn.AddWorkingDays(friday, 1));
        Assert.Equal(Day(2026, 3, 13), BuiltIn.AddWorkingDays(friday, 5));
        Assert.False(BuiltIn.IsWorkingDay(Day(2026, 3, 7)));
        Assert.False(BuiltIn.IsWorkingDay(Day(2026, 3, 8)));
        Assert.Equal(1, BuiltIn.WorkingDaysBetween(friday, Day(2026, 3, 9)));
        Assert.Equal(0, BuiltIn.WorkingDaysBetween(friday, Day(2026, 3, 8)));
    }

    [Fact]
    public void The_start_is_not_counted_and_a_start_on_a_day_off_counts_from_the_next_working_day()
    {
        Assert.Equal(Day(2026, 3, 10), BuiltIn.AddWorkingDays(Day(2026, 3, 9), 1));
        Assert.Equal(Day(2026, 3, 9), BuiltIn.AddWorkingDays(Day(2026, 3, 7), 1));
        Assert.Equal(Day(2026, 3, 7), BuiltIn.AddWorkingDays(Day(2026, 3, 7), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltIn.AddWorkingDays(Day(2026, 3, 7), -1));
    }

    [Fact]
    public void Nothing_is_counted_up_to_a_day_that_is_not_after_the_start()
    {
        Assert.Equal(0, BuiltIn.WorkingDaysBetween(Day(2026, 3, 9), Day(2026, 3, 9)));
        Assert.Equal(0, BuiltIn.WorkingDaysBetween(Day(2026, 3, 10), Day(2026, 3, 2)));
    }

    [Fact]
    public void Tet_2026_is_off_from_14_to_22_February()
    {
        for (var day = Day(2026, 2, 14); day <= Day(2026, 2, 22); day = day.AddDays(1))
        {
            Assert.False(BuiltIn.IsWorkingDay(day), $"{day:yyyy-MM-dd} is in the Tết break");
        }

        Assert.True(BuiltIn.IsWorkingDay(Day(2026, 2, 13)));
        Assert.True(BuiltIn.IsWorkingDay(Day(2026, 2, 23)));
        Assert.Equal(Day(2026, 2, 23), BuiltIn.AddWorkingDays(Day(2026, 2, 13), 1));
        Assert.Equal(1, BuiltIn.WorkingDaysBetween(Day(2026, 2, 13), Day(2026, 2, 23)));

        // 11–13 February, 23–27 February and 22 days of March: the five weekdays of Tết do not count.
        Assert.Equal(Day(2026, 3, 31), BuiltIn.AddWorkingDays(Day(2026, 2, 10), 30));
        Assert.Equal(30, BuiltIn.WorkingDaysBetween(Day(2026, 2, 10), Day(2026, 3, 31)));
    }

    [Fact]
    public void The_30_April_and_1_May_holidays_and_their_swapped_days_are_off_and_the_swapped_Saturday_is_worked()
    {
        // 2026: Thursday and Friday, then the weekend.
        Assert.Equal(Day(2026, 5, 4), BuiltIn.AddWorkingDays(Day(2026, 4, 29), 1));

        // 2025: Wednesday and Thursday, and Friday 2 May swapped for Saturday 26 April.
        Assert.Equal(Day(2025, 5, 5), BuiltIn.AddWorkingDays(Day(2025, 4, 29), 1));
        Assert.True(BuiltIn.IsWorkingDay(Day(2025, 4, 26)));
        Assert.Equal(Day(2025, 4, 26), BuiltIn.AddWorkingDays(Day(2025, 4, 25), 1));
        Assert.Equal(4, BuiltIn.WorkingDaysBetween(Day(2025, 4, 24), Day(2025, 4, 29)));
    }

    [Fact]
    public void A_day_in_lieu_of_a_holiday_on_a_Sunday_is_off()
    {
        // Giỗ Tổ Hùng Vương 2026 is Sunday 26 April; Monday 27 April is given in lieu.
        Assert.False(BuiltIn.IsWorkingDay(Day(2026, 4, 27)));
        Assert.Equal(Day(2026, 4, 28), BuiltIn.AddWorkingDays(Day(2026, 4, 24), 1));
    }

    [Fact]
    public void The_new_year_2026_runs_to_Sunday_4_January_and_Saturday_10_January_is_worked()
    {
        Assert.Equal(Day(2026, 1, 5), BuiltIn.AddWorkingDays(Day(2025, 12, 31), 1));
        Assert.Equal(Day(2026, 1, 10), BuiltIn.AddWorkingDays(Day(2026, 1, 9), 1));
        Assert.Equal([Day(2026, 1, 10), Day(2026, 8, 22)], BuiltIn.ExtraWorkingDaysIn(2026).Select(d => d.Date));
    }

    [Fact]
    public void A_configured_holiday_is_a_day_off_listed_as_configured()
    {
        var provincial = new Holiday(Day(2026, 3, 9), "Ngày nghỉ do tỉnh quyết định");
        var calendar = With(options => options.Holidays.Add(provincial));

        Assert.False(calendar.IsWorkingDay(provincial.Date));
        Assert.Equal(Day(2026, 3, 10), calendar.AddWorkingDays(Day(2026, 3, 6), 1));
        Assert.Equal(2, calendar.WorkingDaysBetween(Day(2026, 3, 6), Day(2026, 3, 11)));
        Assert.Contains(provincial, calendar.HolidaysIn(2026));
        Assert.True(calendar.IsConfigured(provincial.Date));
        Assert.False(calendar.IsConfigured(Day(2026, 2, 17)));

        // The built-in calendar is not touched by another's configuration.
        Assert.True(BuiltIn.IsWorkingDay(provincial.Date));
        Assert.DoesNotContain(BuiltIn.HolidaysIn(2026), h => h.Date == provincial.Date);
    }

    [Fact]
    public void Configuration_corrects_a_built_in_year_both_ways()
    {
        // Were Tết 2027 decided as Friday 5 to Thursday 11 February instead of the estimate of Thursday 4 to Wednesday 10.
        var calendar = With(options =>
        {
            options.WorkingDays.Add(new ExtraWorkingDay(Day(2027, 2, 4), "Làm việc"));
            options.Holidays.Add(new Holiday(Day(2027, 2, 11), "Tết Nguyên đán Đinh Mùi"));
        });

        Assert.True(calendar.IsWorkingDay(Day(2027, 2, 4)));
        Assert.False(calendar.IsWorkingDay(Day(2027, 2, 11)));
        Assert.DoesNotContain(calendar.HolidaysIn(2027), h => h.Date == Day(2027, 2, 4));
        Assert.Equal(Day(2027, 2, 12), calendar.AddWorkingDays(Day(2027, 2, 4), 1));

        // A built-in worked Saturday made a holiday again is off.
        var saturdayOff = With(options => options.Holidays.Add(new Holiday(Day(2026, 1, 10), "Nghỉ")));
        Assert.False(saturdayOff.IsWorkingDay(Day(2026, 1, 10)));
        Assert.Equal([Day(2026, 8, 22)], saturdayOff.ExtraWorkingDaysIn(2026).Select(d => d.Date));
    }

    [Fact]
    public void A_day_configured_both_off_and_worked_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => With(options =>
        {
            options.Holidays.Add(new Holiday(Day(2027, 3, 1), "Nghỉ"));
            options.WorkingDays.Add(new ExtraWorkingDay(Day(2027, 3, 1), "Làm việc"));
        }));
        Assert.Contains("2027-03-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_outside_the_built_in_data_has_weekends_only_until_configured()
    {
        Assert.False(BuiltIn.HasBuiltInHolidays(2028));
        Assert.Empty(BuiltIn.HolidaysIn(2028));
        Assert.True(BuiltIn.IsWorkingDay(Day(2028, 5, 1)));

        var configured = With(options => options.Holidays.Add(new Holiday(Day(2028, 5, 1), "Ngày Quốc tế Lao động")));
        Assert.False(configured.IsWorkingDay(Day(2028, 5, 1)));
        Assert.False(configured.HasBuiltInHolidays(2028));
    }

    [Fact]
    public void Counting_and_adding_agree_on_every_day_of_the_built_in_years()
    {
        for (var start = Day(2024, 1, 1); start <= Day(2027, 12, 31); start = start.AddDays(1))
        {
            foreach (var days in new[] { 1, 30, 60 })
            {
                var due = BuiltIn.AddWorkingDays(start, days);
                Assert.True(BuiltIn.IsWorkingDay(due), $"{days} working days after {start:yyyy-MM-dd} is {due:yyyy-MM-dd}, a day off");
                Assert.Equal(days, BuiltIn.WorkingDaysBetween(start, due));
                Assert.Equal(days - 1, BuiltIn.WorkingDaysBetween(start, due.AddDays(-1)));
            }
        }
    }
}
