using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Import;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.WhatIf;

namespace Hierarchy.Grains.Tests.WhatIf;

/// <summary>What-if by candidate sources, on Quảng Trị as the 2025 catalogue has it.</summary>
public sealed class CandidateWhatIfTests
{
    private const string Province = "44";
    private static readonly int Year = HierarchySilo.Today.Year;

    [Fact]
    public async Task A_province_quota_is_shared_by_the_sources_its_communes_have_and_the_forecast_shows_them()
    {
        await using var silo = await HierarchySilo.StartAsync();
        var settler = new RollupSettler(silo.Hierarchy);
        await using (var json = File.OpenRead(SharedData.Catalogue2025Path))
        {
            await new CatalogueImporter(silo.Hierarchy, settler).ImportAsync(json, "import", Province);
        }

        var communes = (await silo.Unit(Province).GetChildIdsAsync()).Take(3).ToList();
        var (a, b, c) = (communes[0], communes[1], communes[2]);
        var branches = "wardId,branchId,name,membersAtStart,quota\n" + string.Join("\n", communes.Select(w => $"{w},{w}-01,Chi bộ Thôn 1,40,2"));
        await new BranchCsvImporter(silo.Hierarchy, settler).ImportAsync(new StringReader(branches), Year, "import");
        await silo.Unit(Province).SetQuotaAsync(Year, 40, null, "board");

        // Commune a: three candidates past the branch resolution; b: one past it and two just introduced; c: none.
        await AddCandidatesAsync(silo, $"{a}-01", pastResolution: 3, introduced: 0);
        await AddCandidatesAsync(silo, $"{b}-01", pastResolution: 1, introduced: 2);
        await WaitForPastResolutionAsync(silo, Province, 4);

        var scenarios = silo.Scenarios();
        var created = await scenarios.CreateAsync("Theo nguồn", Province, Year, "board");
        Assert.Equal(ScenarioOutcome.Ok, created.Outcome);
        var id = created.Scenario!.Id;

        // By the sources past the resolution, 3 : 1 : 0 of 40, and nothing for the communes without any.
        await scenarios.EditOkAsync(id, new ScenarioEdit(ScenarioEditType.Redistribute, UnitId: Province, Method: RedistributionMethod.Candidates, FromStage: CandidateStage.Resolution));
        var report = await scenarios.ReportAsync(id, Province);
        var quotas = report.Children.ToDictionary(u => u.Id, u => u.Quota);
        Assert.Equal((30, 10, 0), (quotas[a], quotas[b], quotas[c]));
        Assert.Equal(40, quotas.Values.Sum());

        // From the first stage, every candidate counts: 3 : 3.
        await scenarios.EditOkAsync(id, new ScenarioEdit(ScenarioEditType.Redistribute, UnitId: Province, Method: RedistributionMethod.Candidates, FromStage: CandidateStage.Introduced));
        quotas = (await scenarios.ReportAsync(id, Province)).Children.ToDictionary(u => u.Id, u => u.Quota);
        Assert.Equal((20, 20, 0), (quotas[a], quotas[b], quotas[c]));

        // The forecast with the candidates past the resolution counted as likely admissions, beside the one without.
        report = await scenarios.ReportAsync(id, Province);
        Assert.Equal(report.Totals.RootProjected + 4, report.Totals.RootProjectedWithCandidates);
        Assert.Equal(3, report.Children.Single(u => u.Id == a).PastResolution);
        Assert.Equal(report.Children.Single(u => u.Id == a).Projected + 3, report.Children.Single(u => u.Id == a).ProjectedWithCandidates);
        Assert.True(report.Totals.UnitsProjectedToMissWithCandidates <= report.Totals.UnitsProjectedToMiss);

        // Weighing by sources where no unit has any is refused, naming the method.
        var empty = await scenarios.EditAsync(id, new ScenarioEdit(ScenarioEditType.Redistribute, UnitId: c, Method: RedistributionMethod.Candidates), "board");
        Assert.Equal(ScenarioOutcome.Invalid, empty.Outcome);
        Assert.Equal("method", empty.Error!.Field);
    }

    private static async Task AddCandidatesAsync(HierarchySilo silo, string branchId, int pastResolution, int introduced)
    {
        var branch = silo.Unit(branchId);
        var start = HierarchySilo.Today.AddDays(-60);
        for (var i = 0; i < pastResolution + introduced; i++)
        {
            var id = (await branch.AddCandidateAsync(CandidateTests.Proposal($"{branchId}-{i}", start), "secretary")).Candidate!.Id;
            if (i < pastResolution)
            {
                await branch.MoveCandidateAsync(id, CandidateStage.Course, start.AddDays(5), null, "secretary");
                await branch.MoveCandidateAsync(id, CandidateStage.Verified, start.AddDays(10), null, "secretary");
                await branch.MoveCandidateAsync(id, CandidateStage.Resolution, start.AddDays(20), null, "secretary");
            }
        }
    }

    private static async Task WaitForPastResolutionAsync(HierarchySilo silo, string unitId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await silo.ViewAsync(unitId)).Pipeline!.PastResolution != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
