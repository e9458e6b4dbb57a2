using Hierarchy.Grains.Units;
using Hierarchy.Grains.WhatIf;
using static Hierarchy.Grains.Tests.WhatIf.Trees;

namespace Hierarchy.Grains.Tests.WhatIf;

public sealed class ProjectionTests
{
    // 73 of 365 days gone: the run rate multiplies admissions so far by exactly five.
    private static readonly YearProgress FifthOfTheYear = new(73, 365);

    private static ScenarioModel Sample() => Model("W", FifthOfTheYear,
        Ward("W", 40, admitted: 7),
        Branch("B1", "W", 20, admitted: 4),
        Branch("B2", "W", 11, admitted: 2),
        Branch("B3", "W", 10, admitted: 1),
        Branch("B4", "W", 0, admitted: 0));

    [Fact]
    public void Run_rate_projection_gives_attainment_gap_and_status_per_unit()
    {
        var model = Sample();
        var tree = model.Tree;
        int At(string id) => tree.IndexOf(id);

        // Projected 20 of 20: on track. 10 of 11: within 15 %, at risk. 5 of 10: behind. No quota: no status.
        Assert.Equal([35, 20, 10, 5, 0], tree.Projected);
        Assert.Equal(ProgressStatus.OnTrack, model.Projection.Status[At("B1")]);
        Assert.Equal(ProgressStatus.AtRisk, model.Projection.Status[At("B2")]);
        Assert.Equal(ProgressStatus.Behind, model.Projection.Status[At("B3")]);
        Assert.Equal(ProgressStatus.NoQuota, model.Projection.Status[At("B4")]);
        Assert.Equal([5, 0, 1, 5, 0], model.Projection.Gap);

        // The ward projects 35 of 40 (87.5 %): at risk.
        Assert.Equal(ProgressStatus.AtRisk, model.Projection.Status[At("W")]);
        Assert.Equal(41, model.Projection.ChildrenQuota[At("W")]);
    }

    [Fact]
    public void Totals_count_units_projected_to_miss_their_shortfall_by_level_and_the_quota_sum_against_the_parent()
    {
        var model = Sample();

        var totals = model.Projection.ToTotals(model.Tree, model.Quotas);

        Assert.Equal(5, totals.Units);
        Assert.Equal(3, totals.UnitsProjectedToMiss);
        Assert.Equal(5 + 1 + 5, totals.ProjectedShortfall);
        Assert.Equal((40, 41L), (totals.RootQuota, totals.RootChildrenQuota));
        Assert.Equal((1, 0), (totals.OverAllocatedParents, totals.UnderAllocatedParents));
        var branches = Assert.Single(totals.Levels, l => l.Level == UnitLevel.Branch);
        Assert.Equal((4, 2, 6L, 41L, 35L), (branches.Units, branches.ProjectedToMiss, branches.Shortfall, branches.Quota, branches.Projected));
        var ward = Assert.Single(totals.Levels, l => l.Level == UnitLevel.Ward);
        Assert.Equal((1, 1, 5L), (ward.Units, ward.ProjectedToMiss, ward.Shortfall));
    }

    [Fact]
    public void An_edit_changes_status_and_totals_but_never_the_projection_or_the_live_figures()
    {
        var model = Sample();

        Do(model, new ScenarioEdit(ScenarioEditType.Move, FromUnitId: "B3", ToUnitId: "B4", Amount: 5));

        var tree = model.Tree;
        Assert.Equal([35, 20, 10, 5, 0], tree.Projected);
        Assert.Equal(ProgressStatus.OnTrack, model.Projection.Status[tree.IndexOf("B3")]);
        Assert.Equal(ProgressStatus.Behind, model.Projection.Status[tree.IndexOf("B4")]);
        Assert.Equal(3, model.Projection.UnitsProjectedToMiss);
        Assert.Equal(5 + 1 + 5, model.Projection.ProjectedShortfall);
        Assert.Equal(ProgressStatus.Behind, model.LiveProjection.Status[tree.IndexOf("B3")]);
        Assert.Equal(10, tree.LiveQuota[tree.IndexOf("B3")]);
    }

    [Fact]
    public void Before_any_admission_days_the_projection_is_what_was_admitted()
    {
        var model = Model("W", new YearProgress(0, 365), Ward("W", 10, admitted: 0), Branch("B1", "W", 10, admitted: 0));

        Assert.Equal([0, 0], model.Tree.Projected);
        Assert.Equal(ProgressStatus.Behind, model.Projection.Status[1]);
    }

    [Fact]
    public void The_flattened_tree_keeps_parents_before_children_and_siblings_in_id_order()
    {
        var model = Model("D", FullYear,
            Branch("W2-02", "W2", 1), Ward("W2", 2), Branch("W1-01", "W1", 1), Ward("W1", 1),
            new SnapshotUnit("D", "Huyện", UnitLevel.District, "P", 3, 1, 0, 0, 0, 0), Branch("W2-01", "W2", 1));

        Assert.Equal(["D", "W1", "W2", "W1-01", "W2-01", "W2-02"], model.Tree.Ids);
        Assert.Equal([-1, 0, 0, 1, 2, 2], model.Tree.Parent);
        Assert.Equal("P", model.Tree.ParentIdOf(0));
        Assert.Equal(["W2-01", "W2-02"], model.Tree.Ids[model.Tree.ChildrenOf(2)]);
    }
}
