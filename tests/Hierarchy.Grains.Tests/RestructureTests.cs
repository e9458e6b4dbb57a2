using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Import;
using Hierarchy.Grains.Reform;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;
using Hierarchy.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Grains.Tests;

/// <summary>Crossing the reform of 1 July 2025 on the official files: the old catalogue, the new one and the conversion table.</summary>
public sealed class RestructureTests
{
    private static readonly DateOnly On = new(2025, 7, 1);
    private static readonly DateOnly LastDay = new(2025, 6, 30);

    [Fact]
    public async Task Quang_Binh_and_Quang_Tri_become_the_new_Quang_Tri_with_both_provinces_figures_and_their_own_kept()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await ImportOldProvincesAsync(silo, "44", "45");

        // 18853 Phường Hải Thành (44) went whole into 18880 Phường Đồng Hới; 19330 Phường Đông Giang and 19333 Phường 1
        // (45) into the new 19333 Phường Đông Hà, whose code was Phường 1's.
        await ImportBranchesAsync(silo, "wardId,branchId,name,membersAtStart,quota\n18853,18853-01,Chi bộ Tổ dân phố 1,40,2\n18853,18853-02,Chi bộ Tổ dân phố 2,30,2\n19330,19330-01,Chi bộ Khu phố 1,35,3\n19333,19333-01,Chi bộ Khu phố 2,25,1\n");
        await ReportAsync(silo, ("18853-01", 2), ("18853-02", 1), ("19330-01", 1), ("19333-01", 2));
        Assert.Equal(3, (await silo.WaitForAdmittedAsync("44", 3, 2025)).Admitted);
        Assert.Equal(3, (await silo.WaitForAdmittedAsync("45", 3, 2025)).Admitted);

        var result = await RestructureAsync(silo, BranchMapping.Empty);
        Assert.Equal(4, result.Moved);

        var quangTri = await silo.WaitForAdmittedAsync("44", 6, 2025);
        Assert.Equal(("Tỉnh Quảng Trị", 6, UnitLevel.Province), (quangTri.Name, quangTri.Admitted, quangTri.Level));
        Assert.Equal(
            [new UnitLink("44@2025-06-30", "Tỉnh Quảng Bình", UnitLevel.Province, LastDay), new UnitLink("45", "Tỉnh Quảng Trị", UnitLevel.Province, LastDay)],
            quangTri.Predecessors);
        Assert.Equal(78, quangTri.Children.Count);
        Assert.Equal(8, quangTri.Quota);
        var dongHoi = await silo.ViewAsync("18880", 2025);
        Assert.Equal((3, 4, "44"), (dongHoi.Admitted, dongHoi.Quota, dongHoi.ParentId));
        var dongHa = await silo.ViewAsync("19333", 2025);
        Assert.Equal(("Phường Đông Hà", 3, 4), (dongHa.Name, dongHa.Admitted, dongHa.Quota));
        Assert.Contains(new UnitLink("19333@2025-06-30", "Phường 1", UnitLevel.Ward, LastDay), dongHa.Predecessors!);
        Assert.Contains(new UnitLink("19330", "Phường Đông Giang", UnitLevel.Ward, LastDay), dongHa.Predecessors!);

        var quangBinh = await silo.ViewAsync("44@2025-06-30", 2025);
        Assert.Equal(("Tỉnh Quảng Bình", 3, LastDay), (quangBinh.Name, quangBinh.Admitted, quangBinh.RetiredOn));
        Assert.Equal(["44"], quangBinh.Successors!.Select(s => s.Id));
        Assert.Contains(quangBinh.Children, c => c.Id == "450" && c.Admitted == 3);
        var oldQuangTri = await silo.ViewAsync("45", 2025);
        Assert.Equal(("Tỉnh Quảng Trị", 3, LastDay), (oldQuangTri.Name, oldQuangTri.Admitted, oldQuangTri.RetiredOn));
        var frozenQuota = await silo.Unit("45").SetQuotaAsync(2025, 50, null, "board");
        Assert.Equal((QuotaOutcome.Invalid, ValidationCodes.FormerUnit), (frozenQuota.Outcome, frozenQuota.Error?.Code));
        var frozenScenario = await silo.Services.GetRequiredService<Hierarchy.Grains.WhatIf.ScenarioService>().CreateAsync("cũ", "45", 2025, "board");
        Assert.Equal(Hierarchy.Grains.WhatIf.ScenarioOutcome.Invalid, frozenScenario.Outcome);
        var intoFormer = await Assert.ThrowsAsync<CsvImportException>(() => ImportBranchesAsync(silo, "wardId,branchId,name,membersAtStart\n19330,19330-09,Chi bộ mới,10\n"));
        Assert.Equal(("wardId", 2), (intoFormer.Field, intoFormer.Line));
        await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Hierarchy.MoveUnitAsync("18853-02", "19330", "board"));
        var phuong1 = await silo.ViewAsync("19333@2025-06-30", 2025);
        Assert.Equal((2, "461", LastDay), (phuong1.Admitted, phuong1.ParentId, phuong1.RetiredOn));
        Assert.Equal(["45", "461", "19333@2025-06-30"], (await silo.Hierarchy.GetPathAsync("19333@2025-06-30")).Select(p => p.Id));

        // After the cut-over a report lands in the new commune; the former units keep what they had.
        await silo.Unit("18853-01").ReportAdmissionAsync(HierarchySilo.Report("after", new DateOnly(2025, 8, 1)), "secretary");
        Assert.Equal(4, (await silo.WaitForAdmittedAsync("18880", 4, 2025)).Admitted);
        Assert.Equal(7, (await silo.WaitForAdmittedAsync("44", 7, 2025)).Admitted);
        Assert.Equal(3, (await silo.ViewAsync("44@2025-06-30", 2025)).Admitted);
        Assert.Equal(["44", "18880", "18853-01"], (await silo.Hierarchy.GetPathAsync("18853-01")).Select(p => p.Id));
        Assert.Equal(3, (await silo.Unit("18853-01").ListAdmissionsAsync(2025)).Count);
        Assert.Equal(7, (await silo.ViewAsync("44", 2026)).LastYear.AdmittedFullYear);
        Assert.Equal(7, (await silo.Unit("44").TallyPeriodAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))).Count);
        Assert.Equal(3, (await silo.Unit("44@2025-06-30").TallyPeriodAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))).Count);

        // A correction after the cut-over of an admission from before it: the new units drop it, the kept old ones
        // keep what they had, and verify holds each to the ledger as it stood for it.
        var march = (await silo.Unit("18853-01").ListAdmissionsAsync(2025)).Single(a => a.Report.AdmittedOn == new DateOnly(2025, 3, 10));
        await silo.Unit("18853-01").RetractAdmissionAsync(march.Id, "recorded twice", "secretary");
        Assert.Equal(6, (await silo.WaitForAdmittedAsync("44", 6, 2025)).Admitted);
        Assert.Equal(3, (await silo.ViewAsync("44@2025-06-30", 2025)).Admitted);
        var verification = await silo.Verifier.VerifyAsync(false);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
        Assert.Equal(1, verification.LedgerCorrections);

        // Running it again changes nothing.
        var again = await RestructureAsync(silo, BranchMapping.Empty);
        Assert.True(again.Resumed);
        Assert.Equal(6, (await silo.WaitForAdmittedAsync("44", 6, 2025)).Admitted);
        Assert.Equal(3, (await silo.ViewAsync("45", 2025)).Admitted);
        Assert.True((await silo.Verifier.VerifyAsync(false)).IsConsistent);
    }

    [Fact]
    public async Task The_restructured_tree_survives_a_restart_on_sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hierarchy-reform-{Guid.NewGuid():N}.db");
        try
        {
            await RestructureRestartAndCheckAsync(HierarchyStore.Sqlite(path));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [PostgresFact]
    public async Task The_restructured_tree_survives_a_restart_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await RestructureRestartAndCheckAsync(HierarchyStore.Postgres(database.ConnectionString));
    }

    [Fact]
    public async Task An_interrupted_restructuring_finishes_from_its_recorded_plan_when_run_again()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await ImportOldProvincesAsync(silo, "44", "45");
        await ImportBranchesAsync(silo, "wardId,branchId,name,membersAtStart,quota\n18853,18853-01,Chi bộ Tổ dân phố 1,40,2\n19333,19333-01,Chi bộ Khu phố 2,25,1\n");
        await ReportAsync(silo, ("18853-01", 2), ("19333-01", 1));
        await silo.WaitForAdmittedAsync("45", 1, 2025);
        var plan = (await ProposeAsync(silo, BranchMapping.Empty)).Plan;
        var service = silo.Services.GetRequiredService<RestructureService>();

        // As far as a run got before it stopped: the plan recorded, the old units kept, the new province formed, and
        // one branch moved.
        await service.Record(On).StartAsync(plan, "test");
        foreach (var former in plan.Former)
        {
            await silo.Unit(former.Id).RetireAsync(new Retirement(former.ArchiveId, former.ArchiveParentId, LastDay, former.Successors, former.RenamedChildren), "test");
        }

        var province = plan.Successors.Single(s => s.Definition.Id == "44");
        await silo.Unit("44").SucceedAsync(province.Definition, On, province.Predecessors, [], "test");
        await silo.Unit("18853-01").SetParentAsync("18880", "test");

        var result = await service.RunAsync(plan, "test");

        Assert.True(result.Resumed);
        Assert.Equal(3, (await silo.WaitForAdmittedAsync("44", 3, 2025)).Admitted);
        Assert.Equal(2, (await silo.ViewAsync("44@2025-06-30", 2025)).Admitted);
        Assert.Equal(1, (await silo.ViewAsync("19333", 2025)).Admitted);
        Assert.Equal(1, (await silo.ViewAsync("19333@2025-06-30", 2025)).Admitted);
        Assert.Equal(RestructureStatus.Completed, (await service.Record(On).GetAsync())!.Status);
        var verification = await silo.Verifier.VerifyAsync(false);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
    }

    [Fact]
    public async Task A_branch_of_a_split_ward_without_a_mapping_stops_the_restructuring_with_nothing_changed()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await ImportOldProvincesAsync(silo, "48");

        // 20296 Xã Hòa Liên was split between 20194 Phường Hải Vân and 20197 Phường Liên Chiểu.
        await ImportBranchesAsync(silo, "wardId,branchId,name,membersAtStart,quota\n20296,20296-01,Chi bộ Tổ 1,40,2\n20194,20194-01,Chi bộ Tổ 2,30,2\n");
        await ReportAsync(silo, ("20296-01", 1));
        var proposal = await ProposeAsync(silo, BranchMapping.Empty);

        Assert.False(proposal.CanRun);
        var open = Assert.Single(proposal.Unresolved);
        Assert.Equal(("20296-01", "20296"), (open.UnitId, open.FromId));
        Assert.Equal(["20194", "20197"], open.Candidates.Select(c => c.Id).Order());
        Assert.Null(await silo.Services.GetRequiredService<RestructureService>().Record(On).GetAsync());
        Assert.Null((await silo.Unit("48").GetInfoAsync()).RetiredOn);
        Assert.Equal("20296", (await silo.Unit("20296-01").GetInfoAsync()).ParentId);

        var wrong = BranchMapping.Read(new StringReader("branchId,newUnitId\n20296-01,99999\nnobody,20194\n"));
        var refused = await ProposeAsync(silo, wrong);
        Assert.Equal([(2, "newUnitId"), (3, "branchId")], refused.MappingErrors.Select(e => (e.Line, e.Field)));

        var mapping = BranchMapping.Read(new StringReader("branchId,newUnitId\n20296-01,20197\n"));
        var mapped = await ProposeAsync(silo, mapping);
        Assert.True(mapped.CanRun);
        await silo.Services.GetRequiredService<RestructureService>().RunAsync(mapped.Plan, "test");
        Assert.Equal(1, (await silo.WaitForAdmittedAsync("20197", 1, 2025)).Admitted);
        Assert.Equal("Phường Liên Chiểu", (await silo.Unit("20197").GetInfoAsync()).Name);
        Assert.True((await silo.Verifier.VerifyAsync(false)).IsConsistent);
    }

    [Fact]
    public async Task The_fourteen_wards_the_conversion_table_does_not_list_are_reported_not_guessed()
    {
        IReadOnlyList<UnitDefinition> old, current;
        await using (var json = File.OpenRead(SharedData.CataloguePath))
        {
            old = await CatalogueReader.ReadAsync(json);
        }

        await using (var json = File.OpenRead(SharedData.Catalogue2025Path))
        {
            current = await CatalogueReader.ReadAsync(json);
        }

        using var csv = File.OpenText(SharedData.ConversionPath);
        var table = ConversionTable.Read(csv);
        var units = old.Concat([new UnitDefinition("01651-01", "Chi bộ Thôn 1", UnitLevel.Branch, "01651")])
            .Select(u => new UnitInfo(u.Id, u.Name, u.Level, u.ParentId, true, Kind: u.Kind)).ToList();

        var proposal = RestructurePlanner.Plan(units, current, table, BranchMapping.Empty, On);

        Assert.Equal(14, proposal.WardsWithoutRow.Count);
        Assert.Contains(proposal.WardsWithoutRow, w => w.Id == "01651" && w.Name == "Xã Mỹ Hưng");
        var open = Assert.Single(proposal.Unresolved);
        Assert.Equal(("01651-01", 0), (open.UnitId, open.Candidates.Count));
        Assert.Equal(34, proposal.Plan.Successors.Count(s => s.Definition.ParentId is null));
        Assert.Equal(3_321, proposal.Plan.Successors.Count(s => s.Definition.ParentId is not null));
        Assert.Equal(63 + 696 + 10_047, proposal.Plan.Former.Count);
    }

    private static async Task RestructureRestartAndCheckAsync(HierarchyStore store)
    {
        await using (var silo = await HierarchySilo.StartAsync(store))
        {
            await ImportOldProvincesAsync(silo, "44", "45");
            await ImportBranchesAsync(silo, "wardId,branchId,name,membersAtStart,quota\n18853,18853-01,Chi bộ Tổ dân phố 1,40,2\n19333,19333-01,Chi bộ Khu phố 2,25,1\n");
            await ReportAsync(silo, ("18853-01", 2), ("19333-01", 1));
            await silo.WaitForAdmittedAsync("45", 1, 2025);
            await RestructureAsync(silo, BranchMapping.Empty);
            Assert.Equal(3, (await silo.WaitForAdmittedAsync("44", 3, 2025)).Admitted);
        }

        await using var restarted = await HierarchySilo.StartAsync(store);
        var quangTri = await restarted.ViewAsync("44", 2025);
        Assert.Equal(("Tỉnh Quảng Trị", 3, 2), (quangTri.Name, quangTri.Admitted, quangTri.Predecessors!.Count));
        var quangBinh = await restarted.ViewAsync("44@2025-06-30", 2025);
        Assert.Equal(("Tỉnh Quảng Bình", 2, LastDay), (quangBinh.Name, quangBinh.Admitted, quangBinh.RetiredOn));
        Assert.Equal(1, (await restarted.ViewAsync("45", 2025)).Admitted);
        Assert.Equal(["44", "19333", "19333-01"], (await restarted.Hierarchy.GetPathAsync("19333-01")).Select(p => p.Id));
        await restarted.Unit("19333-01").ReportAdmissionAsync(HierarchySilo.Report("after", new DateOnly(2025, 8, 1)), "secretary");
        Assert.Equal(4, (await restarted.WaitForAdmittedAsync("44", 4, 2025)).Admitted);
        Assert.Equal(1, (await restarted.ViewAsync("19333@2025-06-30", 2025)).Admitted);
        var verification = await restarted.Verifier.VerifyAsync(false);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
    }

    private static async Task ImportOldProvincesAsync(HierarchySilo silo, params string[] provinces)
    {
        var importer = new CatalogueImporter(silo.Hierarchy, new RollupSettler(silo.Hierarchy));
        foreach (var province in provinces)
        {
            await using var json = File.OpenRead(SharedData.CataloguePath);
            await importer.ImportAsync(json, "import", province);
        }
    }

    private static Task ImportBranchesAsync(HierarchySilo silo, string csv) =>
        new BranchCsvImporter(silo.Hierarchy, new RollupSettler(silo.Hierarchy)).ImportAsync(new StringReader(csv), 2025, "import");

    private static async Task ReportAsync(HierarchySilo silo, params (string Branch, int Count)[] admissions)
    {
        foreach (var (branch, count) in admissions)
        {
            for (var i = 0; i < count; i++)
            {
                await silo.Unit(branch).ReportAdmissionAsync(HierarchySilo.Report($"{branch}-{i}", new DateOnly(2025, 3, 10 + i)), "secretary");
            }
        }
    }

    private static async Task<RestructureProposal> ProposeAsync(HierarchySilo silo, BranchMapping mapping)
    {
        IReadOnlyList<UnitDefinition> catalogue;
        await using (var json = File.OpenRead(SharedData.Catalogue2025Path))
        {
            catalogue = await CatalogueReader.ReadAsync(json);
        }

        using var csv = File.OpenText(SharedData.ConversionPath);
        return await silo.Services.GetRequiredService<RestructureService>().ProposeAsync(catalogue, ConversionTable.Read(csv), mapping, On);
    }

    private static async Task<RestructureResult> RestructureAsync(HierarchySilo silo, BranchMapping mapping)
    {
        var service = silo.Services.GetRequiredService<RestructureService>();
        if (await service.Record(On).GetAsync() is { Plan: { } recorded })
        {
            return await service.RunAsync(recorded, "test");
        }

        var proposal = await ProposeAsync(silo, mapping);
        Assert.True(proposal.CanRun, string.Join("; ", proposal.Unresolved.Select(u => u.UnitId)));
        return await service.RunAsync(proposal.Plan, "test");
    }
}
