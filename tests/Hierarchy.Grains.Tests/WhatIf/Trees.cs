using Hierarchy.Grains.Units;
using Hierarchy.Grains.WhatIf;

namespace Hierarchy.Grains.Tests.WhatIf;

/// <summary>Small hand-made snapshots for testing the what-if arithmetic without a silo.</summary>
internal static class Trees
{
    /// <summary>A full year: projections equal admissions, so expected values stay easy to compute by hand.</summary>
    public static readonly YearProgress FullYear = new(365, 365);

    public static SnapshotUnit Ward(string id, int quota, int admitted = 0, string parent = "D") =>
        new(id, $"Xã {id}", UnitLevel.Ward, parent, quota, 1, 0, admitted, 0, 0);

    public static SnapshotUnit Branch(string id, string ward, int quota, int members = 0, int admitted = 0, int lastYearAdmitted = 0, int lastYearQuota = 0) =>
        new(id, $"Chi bộ {id}", UnitLevel.Branch, ward, quota, 1, members, admitted, lastYearAdmitted, lastYearQuota);

    public static ScenarioModel Model(string root, YearProgress progress, params SnapshotUnit[] units) =>
        new(ScenarioTree.Build(root, units, progress));

    /// <summary>Ward W with quota <paramref name="quota"/> and branches B1, B2, B3 described by the tuples.</summary>
    public static ScenarioModel Ward(int quota, params (int Quota, int Members, int Admitted)[] branches) =>
        Model("W", FullYear, [Ward("W", quota, parent: "D"), .. branches.Select((b, i) => Branch($"B{i + 1}", "W", b.Quota, b.Members, b.Admitted))]);

    public static int[] ChildQuotas(ScenarioModel model, string parent)
    {
        var range = model.Tree.ChildrenOf(model.Tree.IndexOf(parent));
        return model.Quotas[range];
    }

    public static EditPlan Do(ScenarioModel model, ScenarioEdit edit)
    {
        var plan = model.Plan(edit);
        if (plan.IsValid)
        {
            model.Apply(plan.Changes, plan.Lock);
        }

        return plan;
    }
}
