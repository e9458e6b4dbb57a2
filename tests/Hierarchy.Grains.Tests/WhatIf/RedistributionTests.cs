using Hierarchy.Grains.WhatIf;
using static Hierarchy.Grains.Tests.WhatIf.Trees;

namespace Hierarchy.Grains.Tests.WhatIf;

/// <summary>
/// Redistribution by largest remainder. Tie rule: equal remainders go to the larger weight first, then to the unit
/// listed first (children in ordinal id order).
/// </summary>
public sealed class RedistributionTests
{
    private static ScenarioEdit Redistribute(string unit, RedistributionMethod method) => new(ScenarioEditType.Redistribute, UnitId: unit, Method: method);

    [Fact]
    public void Ten_among_three_equal_members_gives_the_spare_one_to_the_first_listed()
    {
        var model = Ward(10, (0, 1, 0), (0, 1, 0), (0, 1, 0));

        var plan = Do(model, Redistribute("W", RedistributionMethod.Members));

        Assert.True(plan.IsValid);
        Assert.Equal([4, 3, 3], ChildQuotas(model, "W"));
    }

    [Fact]
    public void Even_split_of_eleven_among_three_is_four_four_three()
    {
        var model = Ward(11, (9, 50, 0), (0, 1, 0), (2, 7, 0));

        Do(model, Redistribute("W", RedistributionMethod.Even));

        Assert.Equal([4, 4, 3], ChildQuotas(model, "W"));
    }

    [Fact]
    public void Members_ten_twenty_thirty_share_ten_as_two_three_five()
    {
        // Exact shares 1.667, 3.333, 5: whole parts 1, 3, 5; the one left goes to the largest remainder (.667).
        var model = Ward(10, (0, 10, 0), (0, 20, 0), (0, 30, 0));

        Do(model, Redistribute("W", RedistributionMethod.Members));

        Assert.Equal([2, 3, 5], ChildQuotas(model, "W"));
    }

    [Fact]
    public void Admissions_so_far_weigh_the_share()
    {
        // 12 by admissions 0, 5, 15: exact 0, 3, 9.
        var model = Ward(12, (4, 0, 0), (4, 0, 5), (4, 0, 15));

        Do(model, Redistribute("W", RedistributionMethod.Admissions));

        Assert.Equal([0, 3, 9], ChildQuotas(model, "W"));
    }

    [Fact]
    public void Last_years_attainment_weighs_the_share_and_a_unit_without_a_quota_last_year_counts_as_the_average()
    {
        // Attainment 5/10 = .5, 10/10 = 1, and none for B3 (no quota last year), weighed as the average .75.
        // 9 shared .5 : 1 : .75 is exactly 2, 4, 3.
        var model = Model("W", FullYear,
            Ward("W", 9),
            Branch("B1", "W", 3, lastYearAdmitted: 5, lastYearQuota: 10),
            Branch("B2", "W", 3, lastYearAdmitted: 10, lastYearQuota: 10),
            Branch("B3", "W", 3, lastYearAdmitted: 0, lastYearQuota: 0));

        Do(model, Redistribute("W", RedistributionMethod.LastYearAttainment));

        Assert.Equal([2, 4, 3], ChildQuotas(model, "W"));
    }

    [Fact]
    public void Locked_units_keep_their_quota_and_the_rest_share_exactly_what_is_left()
    {
        var model = Ward(10, (4, 1, 0), (0, 1, 0), (0, 2, 0));
        Assert.True(Do(model, new ScenarioEdit(ScenarioEditType.Lock, UnitId: "B1")).IsValid);

        Do(model, Redistribute("W", RedistributionMethod.Members));

        // 10 - 4 locked = 6 shared 1 : 2.
        Assert.Equal([4, 2, 4], ChildQuotas(model, "W"));
        Assert.Equal(10, ChildQuotas(model, "W").Sum());
    }

    [Fact]
    public void Equal_remainders_go_to_the_larger_weight_first()
    {
        // Weights 1 and 3 sharing 2: exact .5 and 1.5, both remainders one half; the larger weight takes the spare one.
        Span<int> shares = stackalloc int[2];
        LargestRemainder.Allocate(2, [1, 3], shares);
        Assert.Equal([0, 2], shares.ToArray());
    }

    [Fact]
    public void Shares_always_add_up_to_the_total()
    {
        var random = new Random(7);
        for (var round = 0; round < 2_000; round++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 60)).Select(_ => (long)random.Next(0, 500)).ToArray();
            weights[random.Next(weights.Length)] += 1;
            var total = random.Next(0, 100_000);
            var shares = new int[weights.Length];

            LargestRemainder.Allocate(total, weights, shares);

            Assert.Equal(total, shares.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                var exact = (double)total * weights[i] / weights.Sum();
                Assert.InRange(shares[i], Math.Floor(exact), Math.Floor(exact) + 1);
            }
        }
    }

    [Theory]
    [InlineData("B1", RedistributionMethod.Even, "unitId")]
    [InlineData("nowhere", RedistributionMethod.Even, "unitId")]
    [InlineData("W", (RedistributionMethod)42, "method")]
    public void Invalid_redistributions_are_refused_naming_the_field(string unit, RedistributionMethod method, string field)
    {
        var model = Ward(10, (5, 1, 0), (5, 1, 0));

        var plan = model.Plan(Redistribute(unit, method));

        Assert.False(plan.IsValid);
        Assert.Equal(field, plan.Error!.Field);
        Assert.Equal([5, 5], ChildQuotas(model, "W"));
    }

    [Fact]
    public void Weighing_by_members_when_there_are_none_is_refused_on_the_method()
    {
        var model = Ward(10, (5, 0, 0), (5, 0, 0));

        Assert.Equal("method", model.Plan(Redistribute("W", RedistributionMethod.Members)).Error!.Field);
    }

    [Fact]
    public void Locked_units_holding_more_than_the_parent_or_all_of_it_are_refused()
    {
        var model = Ward(10, (8, 1, 0), (5, 1, 0));
        Do(model, new ScenarioEdit(ScenarioEditType.Lock, UnitId: "B1"));
        Do(model, new ScenarioEdit(ScenarioEditType.SetQuota, UnitId: "W", Quota: 6));

        Assert.Equal("unitId", model.Plan(Redistribute("W", RedistributionMethod.Even)).Error!.Field);
        Do(model, new ScenarioEdit(ScenarioEditType.Lock, UnitId: "B2"));
        Assert.Contains("locked", model.Plan(Redistribute("W", RedistributionMethod.Even)).Error!.Message);
    }

    [Fact]
    public void Moves_and_quota_edits_are_validated_naming_the_field()
    {
        var model = Ward(10, (5, 1, 0), (5, 1, 0));

        Assert.Equal("quota", model.Plan(new ScenarioEdit(ScenarioEditType.SetQuota, UnitId: "B1", Quota: -1)).Error!.Field);
        Assert.Equal("unitId", model.Plan(new ScenarioEdit(ScenarioEditType.SetQuota, UnitId: "elsewhere", Quota: 1)).Error!.Field);
        Assert.Equal("amount", model.Plan(new ScenarioEdit(ScenarioEditType.Move, FromUnitId: "B1", ToUnitId: "B2", Amount: 6)).Error!.Field);
        Assert.Equal("amount", model.Plan(new ScenarioEdit(ScenarioEditType.Move, FromUnitId: "B1", ToUnitId: "B2", Amount: 0)).Error!.Field);
        Assert.Equal("toUnitId", model.Plan(new ScenarioEdit(ScenarioEditType.Move, FromUnitId: "B1", ToUnitId: "W", Amount: 1)).Error!.Field);
        Assert.Equal("fromUnitId", model.Plan(new ScenarioEdit(ScenarioEditType.Move, FromUnitId: null, ToUnitId: "B2", Amount: 1)).Error!.Field);

        var move = Do(model, new ScenarioEdit(ScenarioEditType.Move, FromUnitId: "B1", ToUnitId: "B2", Amount: 5));
        Assert.True(move.IsValid);
        Assert.Equal([0, 10], ChildQuotas(model, "W"));
    }
}
