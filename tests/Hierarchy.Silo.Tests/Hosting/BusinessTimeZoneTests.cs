using Hierarchy.Grains;
using Hierarchy.Silo.Api;
using Hierarchy.Silo.Hosting;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Hosting;

public sealed class BusinessTimeZoneTests
{
    [Fact]
    public void Today_is_Vietnams_day_when_the_host_clock_is_late_on_the_day_before_in_utc()
    {
        // 20:00 UTC on 1 December is 03:00 on 2 December in Hà Nội: a report dated the 2nd is today, not the future.
        var clock = new BusinessTimeProvider(TimeZoneInfo.FindSystemTimeZoneById(BusinessTimeProvider.DefaultZoneId), new FixedClock(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2026, 12, 2), clock.Today());
        Assert.Equal(TimeSpan.FromHours(7), clock.GetLocalNow().Offset);
    }

    [Fact]
    public async Task The_silo_reckons_in_Vietnam_by_default_and_in_the_configured_zone_otherwise()
    {
        await using (var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath())))
        {
            Assert.Equal(BusinessTimeProvider.DefaultZoneId, silo.Get<TimeProvider>().LocalTimeZone.Id);
        }

        await using (var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()), ["--Silo:TimeZone=Europe/Paris"]))
        {
            Assert.Equal("Europe/Paris", silo.Get<TimeProvider>().LocalTimeZone.Id);
        }
    }

    [Fact]
    public async Task An_unknown_time_zone_stops_the_silo_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<SiloConfigurationException>(() => TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()), ["--Silo:TimeZone=Mars/Olympus"]));
        Assert.Contains("Silo:TimeZone", error.Message, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
