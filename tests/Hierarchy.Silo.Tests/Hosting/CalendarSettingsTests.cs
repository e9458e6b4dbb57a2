using Hierarchy.Grains.Candidates;
using Hierarchy.Silo.Hosting;
using Hierarchy.Silo.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Hierarchy.Silo.Tests.Hosting;

public sealed class CalendarSettingsTests
{
    [Fact]
    public void Holidays_and_working_days_come_from_the_command_line_as_the_domain_options()
    {
        var options = Read(
            "--Calendar:Holidays:0:Date=2027-02-11",
            "--Calendar:Holidays:0:Name=Tết Nguyên đán Đinh Mùi",
            "--Calendar:Holidays:1:Date=2027-11-24",
            "--Calendar:Holidays:1:Name= Ngày Văn hóa Việt Nam ",
            "--Calendar:WorkingDays:0:Date=2027-02-04",
            "--Calendar:WorkingDays:0:Name=Làm việc");

        Assert.Equal([new Holiday(new DateOnly(2027, 2, 11), "Tết Nguyên đán Đinh Mùi"), new Holiday(new DateOnly(2027, 11, 24), "Ngày Văn hóa Việt Nam")], options.Holidays);
        Assert.Equal([new ExtraWorkingDay(new DateOnly(2027, 2, 4), "Làm việc")], options.WorkingDays);
        Assert.Empty(Read().Holidays);
    }

    [Theory]
    [InlineData("Calendar:Holidays:0:Date must be a date as yyyy-MM-dd, such as 2027-02-10, not '2027-02-30'.", "--Calendar:Holidays:0:Date=2027-02-30", "--Calendar:Holidays:0:Name=Nghỉ")]
    [InlineData("Calendar:Holidays:0:Date must be a date as yyyy-MM-dd, such as 2027-02-10, not '10/02/2027'.", "--Calendar:Holidays:0:Date=10/02/2027", "--Calendar:Holidays:0:Name=Nghỉ")]
    [InlineData("Calendar:WorkingDays:0:Date is missing", "--Calendar:WorkingDays:0:Name=Làm bù")]
    [InlineData("Calendar:Holidays:0:Name is missing", "--Calendar:Holidays:0:Date=2027-02-10")]
    [InlineData("Calendar:Holidays:0:Dat is not a setting", "--Calendar:Holidays:0:Dat=2027-02-10", "--Calendar:Holidays:0:Name=Nghỉ")]
    [InlineData("Calendar:Holiday is not a setting", "--Calendar:Holiday:0:Date=2027-02-10", "--Calendar:Holiday:0:Name=Nghỉ")]
    [InlineData("Calendar:Holidays must be a list", "--Calendar:Holidays=2027-02-10")]
    [InlineData("Calendar:Holidays:0:Date and Calendar:WorkingDays:0:Date are both 2027-03-06", "--Calendar:Holidays:0:Date=2027-03-06", "--Calendar:Holidays:0:Name=Nghỉ", "--Calendar:WorkingDays:0:Date=2027-03-06", "--Calendar:WorkingDays:0:Name=Làm")]
    public void A_bad_setting_is_refused_naming_its_key(string message, params string[] arguments)
    {
        var error = Assert.Throws<SiloConfigurationException>(() => Read(arguments));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_bad_date_stops_the_silo_before_it_starts()
    {
        var error = await Assert.ThrowsAsync<SiloConfigurationException>(() =>
            TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()), ["--Calendar:Holidays:0:Date=2027-13-01", "--Calendar:Holidays:0:Name=Nghỉ"]));
        Assert.Contains("Calendar:Holidays:0:Date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_bad_date_ends_with_one_line_naming_the_key()
    {
        var folder = Directory.CreateTempSubdirectory("hierarchy-calendar-").FullName;
        try
        {
            var result = await SiloCli.RunAsync(folder, "serve", "--demo", "off", "--Calendar:WorkingDays:0:Date=06/03/2027", "--Calendar:WorkingDays:0:Name=Làm bù");
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: Calendar:WorkingDays:0:Date must be a date as yyyy-MM-dd", line, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "data", "hierarchy.db")), "nothing was touched");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static CalendarOptions Read(params string[] arguments) =>
        CalendarSettings.FromConfiguration(new ConfigurationBuilder().AddCommandLine(arguments).Build());
}
