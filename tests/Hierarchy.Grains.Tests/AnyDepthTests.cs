using Hierarchy.Grains.Import;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;
using Hierarchy.Grains.WhatIf;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Grains.Tests;

/// <summary>The tree in every shape it takes: the catalogue after the 2025 reform and party organisations at any depth.</summary>
public sealed class AnyDepthTests
{
    [Fact]
    public async Task The_2025_catalogue_imports_in_two_levels_and_a_new_communes_branches_roll_up_to_the_new_province()
    {
        await using var silo = await HierarchySilo.StartAsync();
        var settler = new RollupSettler(silo.Hierarchy);
        await using (var json = File.OpenRead(SharedData.Catalogue2025Path))
        {
            var result = await new CatalogueImporter(silo.Hierarchy, settler).ImportAsync(json, "import");
            Assert.Equal((34, 0, 3_321), (result.Provinces, result.Districts, result.Wards));
        }

        var baDinh = await silo.Unit("00004").GetInfoAsync();
        Assert.Equal(("Phường Ba Đình", UnitLevel.Ward, "01", "Phường"), (baDinh.Name, baDinh.Level, baDinh.ParentId, baDinh.LevelName));
        Assert.Equal(["01", "00004"], (await silo.Hierarchy.GetPathAsync("00004")).Select(p => p.Id));
        Assert.Equal(126, (await silo.Unit("01").GetChildIdsAsync()).Count);
        var quangTri = await silo.Unit("44").GetInfoAsync();
        Assert.Equal("Tỉnh Quảng Trị", quangTri.Name);
        var conCo = (await silo.Hierarchy.SearchAsync("dac khu con co", "44", 5)).First();
        Assert.Equal(("Đặc khu", "Đảng bộ Đặc khu Cồn Cỏ"), (conCo.LevelName, PartyNames.Organisation(conCo.Level, conCo.Name)));

        var branches = "wardId,branchId,name,membersAtStart,quota\n00004-01,00004-01,Chi bộ Tổ dân phố 1,40,2\n";
        var rejected = await Assert.ThrowsAsync<CsvImportException>(() => new BranchCsvImporter(silo.Hierarchy, settler).ImportAsync(new StringReader(branches), HierarchySilo.Today.Year, "import"));
        Assert.Equal(("wardId", 2), (rejected.Field, rejected.Line));
        branches = "wardId,branchId,name,membersAtStart,quota\n00004,00004-01,Chi bộ Tổ dân phố 1,40,2\n00004,00004-02,Chi bộ Trường THCS Ba Đình,25,1\n";
        await new BranchCsvImporter(silo.Hierarchy, settler).ImportAsync(new StringReader(branches), HierarchySilo.Today.Year, "import");
        await silo.Unit("00004-01").ReportAdmissionAsync(HierarchySilo.Report("a"), "secretary");
        await silo.Unit("00004-01").ReportAdmissionAsync(HierarchySilo.Report("b"), "secretary");
        await silo.Unit("00004-02").ReportAdmissionAsync(HierarchySilo.Report("c"), "secretary");

        Assert.Equal(3, (await silo.WaitForAdmittedAsync("00004", 3)).Admitted);
        var hanoi = await silo.WaitForAdmittedAsync("01", 3);
        Assert.Equal(3, hanoi.Admitted);
        Assert.Equal(65, hanoi.MembersAtStart);
        Assert.Equal(3, hanoi.Children.Single(c => c.Id == "00004").Admitted);
        Assert.Equal(["01", "00004", "00004-01"], (await silo.Hierarchy.GetPathAsync("00004-01")).Select(p => p.Id));
        var verification = await silo.Verifier.VerifyAsync(false);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
    }

    [Fact]
    public async Task A_five_level_organisation_tree_rolls_up_at_every_level_and_serves_what_if()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var csv = """
            parentId,unitId,name,kind
            P,P-K,Đảng bộ Khối các cơ quan tỉnh,Đảng bộ khối
            P-K,P-K-S,Đảng bộ Sở Tài chính,Đảng bộ cơ sở
            P-K-S,P-K-S-1,Đảng bộ bộ phận Văn phòng Sở,Đảng bộ bộ phận
            P-K-S-1,P-K-S-1-A,Chi bộ Phòng Kế toán,Chi bộ
            P-K-S,P-K-S-B,Chi bộ Thanh tra Sở,Chi bộ trực thuộc
            """;
        var imported = await new UnitCsvImporter(silo.Hierarchy, new RollupSettler(silo.Hierarchy)).ImportAsync(new StringReader(csv), "import");
        Assert.Equal((3, 2), (imported.Organisations, imported.Branches));

        await silo.Unit("P-K-S-1-A").ReportAdmissionAsync(HierarchySilo.Report("a"), "secretary");
        await silo.Unit("P-K-S-1-A").ReportAdmissionAsync(HierarchySilo.Report("b"), "secretary");
        await silo.Unit("P-K-S-B").ReportAdmissionAsync(HierarchySilo.Report("c"), "secretary");
        await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("d"), "secretary");

        Assert.Equal(2, (await silo.WaitForAdmittedAsync("P-K-S-1", 2)).Admitted);
        Assert.Equal(3, (await silo.WaitForAdmittedAsync("P-K-S", 3)).Admitted);
        var bloc = await silo.WaitForAdmittedAsync("P-K", 3);
        Assert.Equal((3, UnitLevel.Organisation, "Đảng bộ khối"), (bloc.Admitted, bloc.Level, bloc.LevelName));
        var province = await silo.WaitForAdmittedAsync("P", 4);
        Assert.Equal(4, province.Admitted);
        Assert.Equal("Đảng bộ khối", province.Children.Single(c => c.Id == "P-K").LevelName);
        var path = await silo.Hierarchy.GetPathAsync("P-K-S-1-A");
        Assert.Equal(["P", "P-K", "P-K-S", "P-K-S-1", "P-K-S-1-A"], path.Select(p => p.Id));
        Assert.Equal(["Tỉnh", "Đảng bộ khối", "Đảng bộ cơ sở", "Đảng bộ bộ phận", "Chi bộ"], path.Select(p => p.LevelName));
        Assert.Equal("Đảng ủy Khối các cơ quan tỉnh", PartyNames.Committee(UnitLevel.Organisation, "Đảng bộ Khối các cơ quan tỉnh"));
        Assert.True(await silo.Hierarchy.IsWithinAsync("P-K-S-1-A", "P-K"));

        var scenarios = silo.Services.GetRequiredService<ScenarioService>();
        var created = await scenarios.CreateAsync("khối", "P-K", HierarchySilo.Today.Year, "board");
        Assert.Equal(ScenarioOutcome.Ok, created.Outcome);
        var report = await scenarios.GetReportAsync(created.Scenario!.Id);
        Assert.Contains(report.Report!.Totals.Levels, l => l.Level == UnitLevel.Organisation && l.Units == 3);

        await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Hierarchy.MoveUnitAsync("P-K", "P-K-S-1", "board"));
        await silo.Hierarchy.MoveUnitAsync("P-K-S-B", "P-K-S-1", "board");
        Assert.Equal(3, (await silo.WaitForAdmittedAsync("P-K-S-1", 3)).Admitted);
        var verification = await silo.Verifier.VerifyAsync(false);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
    }

    [Fact]
    public async Task A_bad_units_csv_names_the_line_and_field_of_every_error_and_imports_nothing()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var importer = new UnitCsvImporter(silo.Hierarchy, new RollupSettler(silo.Hierarchy));
        var csv = """
            parentId,unitId,name,kind
            P,P-K,Đảng bộ Khối các cơ quan tỉnh,Đảng bộ khối
            NOWHERE,P-X,Đảng bộ X,Đảng bộ cơ sở
            W1-01,P-Y,Chi bộ Y,Chi bộ
            P-K,P-K,Đảng bộ trùng,Đảng bộ cơ sở
            P-K,P Z,,
            P-C2,P-C1,Đảng bộ vòng 1,Đảng bộ cơ sở
            P-C1,P-C2,Đảng bộ vòng 2,Đảng bộ cơ sở
            D,W1,Xã Liên Chiểu,Đảng bộ cơ sở
            P-K
            """;

        var error = await Assert.ThrowsAsync<CsvImportException>(() => importer.ImportAsync(new StringReader(csv), "import"));

        Assert.Equal(
            [
                (3, "parentId"), (4, "parentId"), (5, "unitId"), (5, "parentId"), (6, "unitId"), (6, "name"), (6, "kind"),
                (7, "parentId"), (8, "parentId"), (9, "unitId"), (10, "unitId"), (10, "name"), (10, "kind"),
            ],
            error.Errors.Select(e => (e.Line, e.Field)));
        Assert.False((await silo.Unit("P-K").GetInfoAsync()).Exists);
        Assert.Equal(["D", "W3"], await silo.Unit("P").GetChildIdsAsync());

        var header = await Assert.ThrowsAsync<CsvImportException>(() => importer.ImportAsync(new StringReader("parentId,unitId,name\nP,P-K,Đảng bộ K\n"), "import"));
        Assert.Equal((1, "kind"), (header.Line, header.Field));
    }
}
