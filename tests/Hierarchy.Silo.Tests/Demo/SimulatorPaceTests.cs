using Hierarchy.Grains;
using Hierarchy.Silo.Demo;
using Hierarchy.Silo.Hosting;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Demo;

/// <summary>The demo keeps its story: the province moves at the season's pace and each unit at its own.</summary>
public sealed class SimulatorPaceTests
{
    [Fact]
    public async Task A_simulated_day_brings_about_a_days_admissions_not_a_fifth_of_the_quota()
    {
        var storage = TestStorage.Sqlite(TestStorage.NewSqlitePath());
        await using var silo = await TestSilo.StartAsync(storage,
        [
            "--Demo:Enabled=true",
            $"--Demo:CataloguePath={RepositoryFiles.Catalogue}",
            "--Demo:Simulator:Enabled=true",
            "--Demo:Simulator:IntervalSeconds=0.05",
            "--Demo:Simulator:SecondsPerDay=4",
        ]);
        var hierarchy = silo.Get<HierarchyService>();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var start = (await hierarchy.Unit("48").GetViewAsync(today.Year, today))!;
        var perDay = SimulatorPace.AdmissionsPerDay(start, today);

        // Đà Nẵng admits about 1,700 a year: a few a day whatever the season, never hundreds.
        Assert.InRange(perDay, 0.5, 40);

        await Task.Delay(TimeSpan.FromSeconds(8));
        var after = (await hierarchy.Unit("48").GetViewAsync(today.Year, today))!;

        // Two simulated days. The fixed 0.05 s pace of before would have reported some 160 admissions in that time.
        var added = after.Admitted - start.Admitted;
        Assert.InRange(added, 0, (int)Math.Ceiling(perDay * 2 * 3) + 3);
    }

    [Fact]
    public void The_wait_follows_the_days_admissions_within_its_bounds()
    {
        var options = new SimulatorOptions { IntervalSeconds = 3, SecondsPerDay = 120 };
        Assert.Equal(TimeSpan.FromSeconds(24), SimulatorPace.MeanWait(5, options));
        Assert.Equal(TimeSpan.FromSeconds(3), SimulatorPace.MeanWait(500, options));
        Assert.Equal(SimulatorPace.LongestWait, SimulatorPace.MeanWait(0.01, options));
        Assert.Equal(SimulatorPace.LongestWait, SimulatorPace.MeanWait(0, options));
    }

    [Fact]
    public void Units_are_picked_in_proportion_to_their_own_pace_so_the_spread_stays()
    {
        var random = new Random(48);
        int[] admitted = [9, 29, 59, 0];
        var picks = new int[admitted.Length];
        const int draws = 20_000;
        for (var i = 0; i < draws; i++)
        {
            picks[SimulatorPace.PickByPace(admitted, random)]++;
        }

        // Shares of 10, 30, 60 and 1 out of 101: the unit ahead keeps pulling ahead, the one behind stays behind.
        double[] expected = [10 / 101.0, 30 / 101.0, 60 / 101.0, 1 / 101.0];
        for (var i = 0; i < admitted.Length; i++)
        {
            Assert.InRange(picks[i] / (double)draws, expected[i] - 0.015, expected[i] + 0.015);
        }
    }
}
