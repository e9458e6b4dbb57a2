using Hierarchy.Grains.Units;
using Hierarchy.Grains.WhatIf;

namespace Hierarchy.Grains.Tests.WhatIf;

/// <summary>
/// The small test tree with last year's figures (a full year, so projections equal admissions): district D has
/// quota 20; wards W1 and W2 have 10 each; W1's branches have quotas 4, 3, 3, members 10, 20, 30 and admitted 4, 1, 0.
/// </summary>
internal static class ScenarioSilo
{
    public static int Year => HierarchySilo.Today.Year - 1;

    public static ScenarioService Scenarios(this HierarchySilo silo) => new(silo.Hierarchy.Grains, silo.Hierarchy, TimeProvider.System);

    public static async Task SeedAsync(this HierarchySilo silo)
    {
        await silo.DefineSmallTreeAsync();
        var quotas = new Dictionary<string, int>
        {
            ["P"] = 30, ["D"] = 20, ["W1"] = 10, ["W2"] = 10, ["W3"] = 10,
            ["W1-01"] = 4, ["W1-02"] = 3, ["W1-03"] = 3, ["W2-01"] = 4, ["W2-02"] = 3, ["W2-03"] = 3,
        };
        foreach (var (id, quota) in quotas)
        {
            Assert.Equal(QuotaOutcome.Updated, (await silo.Unit(id).SetQuotaAsync(Year, quota, null, "seed")).Outcome);
        }

        foreach (var (id, members) in new[] { ("W1-01", 10), ("W1-02", 20), ("W1-03", 30) })
        {
            await silo.Unit(id).SetMembersAtStartAsync(Year, members, "seed");
        }

        var on = new DateOnly(Year, 6, 1);
        for (var i = 0; i < 4; i++)
        {
            await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report($"a{i}", on), "seed");
        }

        await silo.Unit("W1-02").ReportAdmissionAsync(HierarchySilo.Report("b0", on), "seed");
        await silo.WaitForAdmittedAsync("D", 5, Year);
    }

    public static async Task<string> CreateAsync(this ScenarioService scenarios, string name, string root = "D")
    {
        var created = await scenarios.CreateAsync(name, root, Year, "board-d");
        Assert.Equal(ScenarioOutcome.Ok, created.Outcome);
        return created.Scenario!.Id;
    }

    public static async Task<ScenarioEditResult> EditOkAsync(this ScenarioService scenarios, string id, ScenarioEdit edit)
    {
        var result = await scenarios.EditAsync(id, edit, "board-d");
        Assert.True(result.Outcome == ScenarioOutcome.Ok, $"{result.Outcome}: {result.Error}");
        return result;
    }

    public static async Task<ScenarioReport> ReportAsync(this ScenarioService scenarios, string id, string? focus = null, string? compareTo = null)
    {
        var result = await scenarios.GetReportAsync(id, focus, compareTo);
        Assert.True(result.Outcome == ScenarioOutcome.Ok, $"{result.Outcome}: {result.Error}");
        return result.Report!;
    }

    public static async Task<int> LiveQuotaAsync(this HierarchySilo silo, string id) => (await silo.ViewAsync(id, Year)).Quota;

    public static ScenarioEdit Move(string from, string to, int amount) => new(ScenarioEditType.Move, FromUnitId: from, ToUnitId: to, Amount: amount);

    public static ScenarioEdit SetQuota(string unit, int quota) => new(ScenarioEditType.SetQuota, UnitId: unit, Quota: quota);
}
