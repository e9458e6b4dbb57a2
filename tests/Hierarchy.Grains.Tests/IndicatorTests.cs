using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Closing;
using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Grains.Tests;

/// <summary>The indicators the resolutions set: entered where known, summed up the tree by the rollup invariant, measured against each unit's targets.</summary>
public sealed class IndicatorTests
{
    private static int Year => HierarchySilo.Today.Year;

    [Fact]
    public async Task Ward_figures_roll_up_with_the_units_own_and_each_unit_is_measured_against_its_own_targets()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        await silo.Unit("W1-01").SetMembersAtStartAsync(Year, 300, "test");
        await silo.Unit("W2-01").SetMembersAtStartAsync(Year, 100, "test");

        Assert.Equal(IndicatorOutcome.Updated, (await Indicators(silo, "W1").SetIndicatorsAsync(Year, new(10_000, 40, 4, 40, 30), null, "board")).Outcome);
        Assert.Equal(IndicatorOutcome.Updated, (await Indicators(silo, "W2").SetIndicatorsAsync(Year, new(Population: 5_000, ResidentialGroups: 20, GroupsWithoutMembers: 0), null, "board")).Outcome);
        Assert.Equal(IndicatorOutcome.Updated, (await Indicators(silo, "W3").SetIndicatorsAsync(Year, new(2_000, 10, 1, 10, 10), null, "board")).Outcome);
        var targets = new IndicatorTargets(MembersPerPopulationPercent: 3.85m, GroupsWithoutMembers: 0, LeaderSharePercent: 90m, YouthUnionIntroductions: 2);
        Assert.Equal(IndicatorOutcome.Updated, (await Indicators(silo, "D").SetIndicatorsAsync(Year, null, targets, "board")).Outcome);

        var district = await WaitAsync(silo, "D", v => v.Population == 15_000);
        Assert.Equal((15_000L, 400, 60, 4, 40, 30, 2), (district.Population, district.Members, district.ResidentialGroups, district.GroupsWithoutMembers, district.GroupLeaders, district.LeadersWhoAreMembers, district.Reporting));
        Assert.Equal(2.67, district.MembersPerPopulationPercent);
        Assert.Equal(75.0, district.LeaderSharePercent);
        Assert.Equal(targets, district.Targets);
        Assert.Equal((false, false, false, false), (district.MembersPerPopulationMet, district.GroupsWithoutMembersMet, district.LeaderShareMet, district.YouthUnionIntroductionsMet));

        // The province adds figures of its own territory to its children's; a new entry replaces the old one, never adds to it.
        await Indicators(silo, "P").SetIndicatorsAsync(Year, new(Population: 1_000), null, "board");
        await Indicators(silo, "W1").SetIndicatorsAsync(Year, new(8_000, 40, 4, 40, 38), null, "board");
        var province = await WaitAsync(silo, "P", v => v.Population == 16_000 && v.LeadersWhoAreMembers == 48);
        Assert.Equal((60 + 10, 5, 4), (province.ResidentialGroups, province.GroupsWithoutMembers, province.Reporting));
        Assert.Null(province.Targets);
        Assert.Null(province.MembersPerPopulationMet);
        var districtView = await silo.ViewAsync("D");
        Assert.Equal(95.0, districtView.Indicators!.LeaderSharePercent);
        Assert.True(districtView.Indicators.LeaderShareMet);
        Assert.Equal(new IndicatorFigures(8_000, 40, 4, 40, 38), (await silo.ViewAsync("W1")).Indicators!.Own);

        // The district's table shows each ward's own; a branch with nothing entered has none.
        var w2 = districtView.Children.Single(c => c.Id == "W2").Indicators!;
        Assert.Equal((5_000L, 20, 0, 2.0), (w2.Population, w2.ResidentialGroups, w2.GroupsWithoutMembers, w2.MembersPerPopulationPercent));
        Assert.All((await silo.ViewAsync("W1")).Children, c => Assert.Null(c.Indicators));

        var verification = await silo.Verifier.VerifyAsync(repair: false);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
        Assert.Contains(await silo.Unit("W1").GetAuditAsync(10), e => e.Kind == UnitGrain.IndicatorsKind && e.Summary.Contains("population 8000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_youth_unions_introductions_are_counted_from_the_candidate_sources_against_the_yearly_target()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        await Indicators(silo, "W3").SetIndicatorsAsync(Year, null, new(YouthUnionIntroductions: 2), "board");
        var on = HierarchySilo.Today;
        await silo.Unit("W3-01").AddCandidateAsync(CandidateTests.Proposal("y1", on, Introducer.YouthUnion), "secretary");
        await silo.Unit("W3-02").AddCandidateAsync(CandidateTests.Proposal("m1", on, Introducer.Members), "secretary");
        var halfway = await WaitAsync(silo, "W3", v => v.YouthUnionIntroductions == 1);
        Assert.False(halfway.YouthUnionIntroductionsMet);

        await silo.Unit("W3-02").AddCandidateAsync(CandidateTests.Proposal("y2", on, Introducer.YouthUnion), "secretary");
        var met = await WaitAsync(silo, "W3", v => v.YouthUnionIntroductions == 2);
        Assert.True(met.YouthUnionIntroductionsMet);
        var province = await WaitAsync(silo, "P", v => v.YouthUnionIntroductions == 2);
        Assert.Null(province.YouthUnionIntroductionsMet);
        Assert.Equal(1, (await silo.ViewAsync("W3")).Children.Single(c => c.Id == "W3-01").Indicators!.YouthUnionIntroductions);
    }

    [Fact]
    public async Task Bad_figures_and_a_closed_year_are_refused_and_change_nothing()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var ward = Indicators(silo, "W1");
        var lastYear = Year - 1;
        await ward.SetIndicatorsAsync(lastYear, new(10_000, 40, 4, 40, 30), new(LeaderSharePercent: 90m), "board");
        var audit = (await silo.Unit("W1").GetAuditAsync(1000)).Count;

        var refused = await ward.SetIndicatorsAsync(lastYear, new(-1, 10, 11, 12, 13), new(LeaderSharePercent: 120m), "board");
        Assert.Equal(IndicatorOutcome.Invalid, refused.Outcome);
        Assert.Equal(
            ["groupLeaders", "groupsWithoutMembers", "leadersWhoAreMembers", "population", "targets.leaderSharePercent"],
            refused.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(IndicatorCodes.PartAboveWhole, refused.Errors.First(e => e.Field == "groupsWithoutMembers").Code);

        // An editor quoting a version older than the entry's is refused, and told the version that stands.
        var version = (await silo.ViewAsync("W1", lastYear)).Indicators!.Version;
        var stale = await ward.SetIndicatorsAsync(lastYear, new(1), null, "board", version - 1);
        Assert.Equal((IndicatorOutcome.Conflict, version), (stale.Outcome, stale.Version));

        var closings = silo.Services.GetRequiredService<ClosingService>();
        var period = new ClosingPeriod(lastYear, false);
        foreach (var branch in new[] { "W1-01", "W1-02", "W1-03" })
        {
            Assert.Equal(ClosingOutcome.Closed, (await closings.CloseAsync(branch, period, "secretary")).Outcome);
        }

        Assert.Equal(ClosingOutcome.Closed, (await closings.CloseAsync("W1", period, "board")).Outcome);
        var closed = await ward.SetIndicatorsAsync(lastYear, new(12_000), null, "board");
        Assert.Equal(IndicatorOutcome.Closed, closed.Outcome);
        Assert.Equal(IndicatorCodes.YearClosed, closed.Errors.Single().Code);

        // This year is open, and nothing of last year's changed.
        Assert.Equal(IndicatorOutcome.Updated, (await ward.SetIndicatorsAsync(Year, new(12_000), null, "board")).Outcome);
        var kept = (await silo.ViewAsync("W1", lastYear)).Indicators!;
        Assert.Equal((10_000L, 30, 90m), (kept.Population, kept.LeadersWhoAreMembers, kept.Targets!.LeaderSharePercent!.Value));
        Assert.Equal(audit + 2, (await silo.Unit("W1").GetAuditAsync(1000)).Count);
    }

    [Fact]
    public async Task Indicators_survive_a_restart_and_verify_finds_the_sums_equal_to_what_each_unit_entered()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hierarchy-indicators-{Guid.NewGuid():N}.db");
        try
        {
            var store = HierarchyStore.Sqlite(path);
            await using (var silo = await HierarchySilo.StartAsync(store))
            {
                await silo.DefineSmallTreeAsync();
                await Indicators(silo, "W1").SetIndicatorsAsync(Year, new(10_000, 40, 4, 40, 30), null, "board");
                await Indicators(silo, "W3").SetIndicatorsAsync(Year, new(3_000, 12, 2, 12, 11), null, "board");
                await Indicators(silo, "P").SetIndicatorsAsync(Year, null, new(MembersPerPopulationPercent: 3.85m), "board");
                await WaitAsync(silo, "P", v => v.Population == 13_000);
                await silo.KillAsync();
            }

            // What the province had not yet acknowledged when the silo died flows up again once the units wake.
            await using var restarted = await HierarchySilo.StartAsync(store);
            var province = await WaitAsync(restarted, "P", v => v.Population == 13_000);
            Assert.Equal((13_000L, 52, 6, 2, 3.85m), (province.Population, province.ResidentialGroups, province.GroupsWithoutMembers, province.Reporting, province.Targets!.MembersPerPopulationPercent!.Value));
            var verification = await restarted.Verifier.VerifyAsync(repair: false);
            Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static IUnitIndicatorGrain Indicators(HierarchySilo silo, string id) => silo.Grains.GetGrain<IUnitIndicatorGrain>(id);

    private static async Task<IndicatorView> WaitAsync(HierarchySilo silo, string id, Func<IndicatorView, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IndicatorView view;
        do
        {
            view = (await silo.ViewAsync(id)).Indicators!;
            if (done(view))
            {
                return view;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        return view;
    }
}
