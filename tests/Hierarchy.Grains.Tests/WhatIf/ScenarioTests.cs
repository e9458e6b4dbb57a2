using Hierarchy.Grains.Units;
using Hierarchy.Grains.WhatIf;
using Microsoft.Extensions.DependencyInjection;
using static Hierarchy.Grains.Tests.WhatIf.ScenarioSilo;

namespace Hierarchy.Grains.Tests.WhatIf;

public sealed class ScenarioTests
{
    private static readonly ScenarioEdit ByMembers = new(ScenarioEditType.Redistribute, UnitId: "W1", Method: RedistributionMethod.Members);

    [Fact]
    public async Task A_scenario_snapshots_the_subtree_and_edits_stay_in_the_sandbox()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.SeedAsync();
        var scenarios = silo.Scenarios();
        var id = await scenarios.CreateAsync("Theo đảng viên");

        var before = await scenarios.ReportAsync(id, "W1");
        Assert.Equal(9, before.Scenario.Units);
        Assert.Equal(["P", "D"], before.Scenario.RootPath.AsEnumerable());
        Assert.Equal(["D", "W1"], before.Path.Select(p => p.Id));
        Assert.Equal([4, 3, 3], before.Children.Select(c => c.Quota));
        Assert.Equal([10, 20, 30], before.Children.Select(c => c.MembersAtStart));
        Assert.Equal([4, 1, 0], before.Children.Select(c => c.Projected));
        Assert.Equal([ProgressStatus.OnTrack, ProgressStatus.Behind, ProgressStatus.Behind], before.Children.Select(c => c.Status));
        Assert.Equal(0, before.Comparison.ChangedUnits);

        // 10 by members 10 : 20 : 30 is 1.67, 3.33, 5: largest remainder gives 2, 3, 5.
        var edit = await scenarios.EditOkAsync(id, ByMembers);
        Assert.Equal(2, edit.Edit!.Changes.Length);

        var after = await scenarios.ReportAsync(id, "W1");
        Assert.Equal([2, 3, 5], after.Children.Select(c => c.Quota));
        Assert.Equal([4, 3, 3], after.Children.Select(c => c.LiveQuota));
        Assert.Equal(10, after.Focus.ChildrenQuota);
        Assert.Equal(
            [("W1-01", 4, 2, ProgressStatus.OnTrack, ProgressStatus.OnTrack), ("W1-03", 3, 5, ProgressStatus.Behind, ProgressStatus.Behind)],
            after.Comparison.Changes.Select(c => (c.Id, c.QuotaBefore, c.QuotaAfter, c.StatusBefore, c.StatusAfter)));
        Assert.Equal(4, await silo.LiveQuotaAsync("W1-01"));

        var refused = await scenarios.EditAsync(id, Move("W1-01", "W3", 1), "board-d");
        Assert.Equal(ScenarioOutcome.Invalid, refused.Outcome);
        Assert.Equal("toUnitId", refused.Error!.Field);

        var undone = await scenarios.EditOkAsync(id, new ScenarioEdit(ScenarioEditType.Undo));
        Assert.True(undone.Undone);
        Assert.Equal([4, 3, 3], (await scenarios.ReportAsync(id, "W1")).Children.Select(c => c.Quota));
        Assert.Equal("type", (await scenarios.EditAsync(id, new ScenarioEdit(ScenarioEditType.Undo), "board-d")).Error!.Field);
    }

    [Fact]
    public async Task Scenarios_compare_with_live_and_with_each_other_unit_by_unit()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.SeedAsync();
        var scenarios = silo.Scenarios();
        var a = await scenarios.CreateAsync("A");
        var b = await scenarios.CreateAsync("B");
        await scenarios.EditOkAsync(a, ByMembers);
        await scenarios.EditOkAsync(b, Move("W1-02", "W1-01", 1));

        var report = await scenarios.ReportAsync(a, compareTo: b);

        // A has 2, 3, 5 under W1; B has 5, 2, 3.
        var other = report.ComparedWithScenario!;
        Assert.Equal(b, other.Against);
        Assert.Equal(
            [("W1-01", 5, 2), ("W1-02", 2, 3), ("W1-03", 3, 5)],
            other.Changes.Select(c => (c.Id, c.QuotaBefore, c.QuotaAfter)));
        // W1-01 projects 4: short of B's 5, enough for A's 2.
        Assert.Equal((ProgressStatus.Behind, ProgressStatus.OnTrack), (other.Changes[0].StatusBefore, other.Changes[0].StatusAfter));
        Assert.Equal((0, 1), (other.NewlyMissing, other.NoLongerMissing));
        Assert.Equal(2, report.Comparison.ChangedUnits);

        var elsewhere = await scenarios.CreateAsync("W3 only", root: "W3");
        Assert.Equal("compareTo", (await scenarios.GetReportAsync(a, null, elsewhere)).Error!.Field);
        Assert.Equal("compareTo", (await scenarios.GetReportAsync(a, null, "missing")).Error!.Field);
        Assert.Equal(["W3 only", "B", "A"], (await scenarios.ListAsync()).Select(s => s.Name));
    }

    [Fact]
    public async Task Applying_writes_each_changed_quota_with_an_audit_entry_and_freezes_the_scenario()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.SeedAsync();
        var scenarios = silo.Scenarios();
        var id = await scenarios.CreateAsync("Chuyển 2");
        await scenarios.EditOkAsync(id, Move("W1-01", "W1-02", 2));
        var auditBefore = (await silo.Unit("W1-03").GetAuditAsync(100)).Count;

        var applied = await scenarios.ApplyAsync(id, "board-d");

        Assert.Equal(ScenarioOutcome.Ok, applied.Outcome);
        Assert.Equal(2, applied.AppliedUnits);
        Assert.Equal((2, 5), (await silo.LiveQuotaAsync("W1-01"), await silo.LiveQuotaAsync("W1-02")));
        Assert.Contains(await silo.Unit("W1-01").GetAuditAsync(10), e => e.Kind == "quota" && e.By == "board-d" && e.Summary.Contains("4 → 2"));
        Assert.Contains(await silo.Unit("W1-02").GetAuditAsync(10), e => e.Kind == "quota" && e.By == "board-d" && e.Summary.Contains("3 → 5"));
        Assert.Equal(auditBefore, (await silo.Unit("W1-03").GetAuditAsync(100)).Count);

        var summary = (await scenarios.GetSummaryAsync(id))!;
        Assert.Equal((ScenarioStatus.Applied, "board-d", 2), (summary.Status, summary.AppliedBy, summary.AppliedUnits));
        Assert.NotNull(summary.AppliedAt);
        Assert.Equal(ScenarioStatus.Applied, Assert.Single(await scenarios.ListAsync()).Status);
        Assert.Equal(ScenarioOutcome.Applied, (await scenarios.EditAsync(id, Move("W1-02", "W1-01", 1), "board-d")).Outcome);
        Assert.Equal(ScenarioOutcome.Applied, (await scenarios.ApplyAsync(id, "board-d")).Outcome);
    }

    [Fact]
    public async Task Applying_is_refused_with_the_conflicting_units_when_a_live_quota_changed_and_nothing_is_applied()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.SeedAsync();
        var scenarios = silo.Scenarios();
        var id = await scenarios.CreateAsync("Cũ");
        await scenarios.EditOkAsync(id, SetQuota("W1-01", 6));
        await scenarios.EditOkAsync(id, SetQuota("W2-01", 1));
        await silo.Unit("W2-01").SetQuotaAsync(Year, 9, null, "other board");
        var auditBefore = (await silo.Unit("W1-01").GetAuditAsync(100)).Count;

        var applied = await scenarios.ApplyAsync(id, "board-d");

        Assert.Equal(ScenarioOutcome.Conflict, applied.Outcome);
        var conflict = Assert.Single(applied.Conflicts);
        Assert.Equal(("W2-01", 4, 9), (conflict.UnitId, conflict.SnapshotQuota, conflict.LiveQuota));
        Assert.Contains("changed from 4 to 9", conflict.Reason);
        Assert.Equal((4, 9), (await silo.LiveQuotaAsync("W1-01"), await silo.LiveQuotaAsync("W2-01")));
        Assert.Equal(auditBefore, (await silo.Unit("W1-01").GetAuditAsync(100)).Count);
        Assert.Equal(ScenarioStatus.Draft, (await scenarios.GetSummaryAsync(id))!.Status);
    }

    [Fact]
    public async Task A_quota_changed_while_applying_puts_back_what_was_already_written()
    {
        await using var silo = await HierarchySilo.StartAsync(configure: b =>
        {
            b.Services.AddSingleton<ILiveQuotas>(sp => new RacingLiveQuotas(sp.GetRequiredService<IGrainFactory>(), raceOn: "W1-02", racerQuota: 7));
        });
        await silo.SeedAsync();
        var scenarios = silo.Scenarios();
        var id = await scenarios.CreateAsync("Đua");
        await scenarios.EditOkAsync(id, Move("W1-02", "W1-01", 1));

        var applied = await scenarios.ApplyAsync(id, "board-d");

        Assert.Equal(ScenarioOutcome.Conflict, applied.Outcome);
        Assert.Equal("W1-02", Assert.Single(applied.Conflicts).UnitId);
        Assert.Empty(applied.NotRolledBack);
        Assert.Equal((4, 7), (await silo.LiveQuotaAsync("W1-01"), await silo.LiveQuotaAsync("W1-02")));
        var audit = await silo.Unit("W1-01").GetAuditAsync(10);
        Assert.Contains(audit, e => e.By == "board-d" && e.Summary.Contains("4 → 5"));
        Assert.Contains(audit, e => e.By == "board-d" && e.Summary.Contains("5 → 4"));
        Assert.Equal(ScenarioStatus.Draft, (await scenarios.GetSummaryAsync(id))!.Status);
    }

    [Fact]
    public async Task Discarding_leaves_no_trace_in_live_data_or_the_list()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.SeedAsync();
        var scenarios = silo.Scenarios();
        var units = (await silo.Hierarchy.SubtreeAsync("P")).Select(u => u.Id).ToList();
        var before = await LiveAsync(silo, units);
        var id = await scenarios.CreateAsync("Bỏ");
        await scenarios.EditOkAsync(id, ByMembers);
        await scenarios.EditOkAsync(id, new ScenarioEdit(ScenarioEditType.Lock, UnitId: "W2"));

        Assert.True(await scenarios.DiscardAsync(id));

        Assert.Null(await scenarios.GetSummaryAsync(id));
        Assert.Equal(ScenarioOutcome.NotFound, (await scenarios.GetReportAsync(id)).Outcome);
        Assert.Equal(ScenarioOutcome.NotFound, (await scenarios.EditAsync(id, ByMembers, "board-d")).Outcome);
        Assert.Empty(await scenarios.ListAsync());
        Assert.Equal(before, await LiveAsync(silo, units));
        Assert.False(await scenarios.DiscardAsync(id));
    }

    [Fact]
    public async Task A_scenario_survives_a_silo_restart_with_its_edits_locks_and_undo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hierarchy-scenario-{Guid.NewGuid():N}.db");
        try
        {
            string id;
            var silo = await HierarchySilo.StartAsync(HierarchyStore.Sqlite(path));
            await silo.SeedAsync();
            id = await silo.Scenarios().CreateAsync("Bền");
            await silo.Scenarios().EditOkAsync(id, new ScenarioEdit(ScenarioEditType.Lock, UnitId: "W1-03"));
            await silo.Scenarios().EditOkAsync(id, Move("W1-01", "W1-02", 1));
            await silo.KillAsync();

            await using var restarted = await HierarchySilo.StartAsync(HierarchyStore.Sqlite(path));
            var scenarios = restarted.Scenarios();
            Assert.Equal(id, Assert.Single(await scenarios.ListAsync()).Id);
            var report = await scenarios.ReportAsync(id, "W1");
            Assert.Equal([3, 4, 3], report.Children.Select(c => c.Quota));
            Assert.Equal(["W1-03"], report.Locked);
            Assert.Equal(2, report.Edits.Count);
            Assert.True(report.Children[2].Locked);

            await scenarios.EditOkAsync(id, new ScenarioEdit(ScenarioEditType.Undo));
            await scenarios.EditOkAsync(id, SetQuota("W1-02", 5));
            Assert.Equal(ScenarioOutcome.Ok, (await scenarios.ApplyAsync(id, "board-d")).Outcome);
            Assert.Equal(5, await restarted.LiveQuotaAsync("W1-02"));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<List<(string, int, long, int)>> LiveAsync(HierarchySilo silo, IEnumerable<string> units)
    {
        var result = new List<(string, int, long, int)>();
        foreach (var id in units)
        {
            var view = await silo.ViewAsync(id, Year);
            result.Add((id, view.Quota, view.QuotaVersion, (await silo.Unit(id).GetAuditAsync(1000)).Count));
        }

        return result;
    }
}
