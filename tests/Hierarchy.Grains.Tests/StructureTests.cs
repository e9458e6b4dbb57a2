using Hierarchy.Grains.Import;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Tests;

public sealed class StructureTests
{
    [Fact]
    public async Task Moving_a_branch_moves_its_admissions_and_totals()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("a"), "s");
        await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("b"), "s");
        await silo.WaitForAdmittedAsync("P", 2);

        await silo.Hierarchy.MoveUnitAsync("W1-01", "W3", "board");

        Assert.Equal(0, (await silo.WaitForAdmittedAsync("W1", 0)).Admitted);
        Assert.Equal(0, (await silo.WaitForAdmittedAsync("D", 0)).Admitted);
        Assert.Equal(2, (await silo.WaitForAdmittedAsync("W3", 2)).Admitted);
        Assert.Equal(2, (await silo.WaitForAdmittedAsync("P", 2)).Admitted);
        Assert.Equal(["P", "W3", "W1-01"], (await silo.Hierarchy.GetPathAsync("W1-01")).Select(p => p.Id));
        Assert.True((await silo.Verifier.VerifyAsync(false)).IsConsistent);
    }

    [Fact]
    public async Task Merging_wards_keeps_every_admission()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        foreach (var branch in new[] { "W1-01", "W1-02", "W2-03" })
        {
            await silo.Unit(branch).ReportAdmissionAsync(HierarchySilo.Report("x" + branch), "s");
        }

        await silo.WaitForAdmittedAsync("P", 3);

        await silo.Hierarchy.MergeWardsAsync("W1", "W2", "board");

        Assert.Equal(3, (await silo.WaitForAdmittedAsync("W2", 3)).Admitted);
        Assert.Equal(6, (await silo.ViewAsync("W2")).Children.Count);
        Assert.DoesNotContain("W1", await silo.Unit("D").GetChildIdsAsync());
        Assert.Equal("W2", (await silo.Unit("W1").GetInfoAsync()).MergedInto);
        Assert.Equal(3, (await silo.WaitForAdmittedAsync("P", 3)).Admitted);
        var verification = await silo.Verifier.VerifyAsync(false);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
    }

    [Fact]
    public async Task The_official_catalogue_imports_with_its_exact_counts_and_is_searchable()
    {
        await using var silo = await HierarchySilo.StartAsync();
        var importer = new CatalogueImporter(silo.Hierarchy, new RollupSettler(silo.Hierarchy));
        await using var json = File.OpenRead(SharedData.CataloguePath);

        var result = await importer.ImportAsync(json, "import");

        Assert.Equal((63, 696, 10_047), (result.Provinces, result.Districts, result.Wards));
        var lienChieu = await silo.Hierarchy.SearchAsync("lien chieu", null, 10);
        Assert.Contains(lienChieu, e => e.Id == "490" && e.Name == "Quận Liên Chiểu");
        Assert.Equal(["48", "490", "20194"], (await silo.Hierarchy.GetPathAsync("20194")).Select(p => p.Id));
        var danang = await silo.ViewAsync("48");
        Assert.Equal("Thành phố Đà Nẵng", danang.Name);
        Assert.Equal(UnitLevel.Province, danang.Level);
        Assert.Equal(8, (await silo.Unit("48").GetChildIdsAsync()).Count);
    }

    [Fact]
    public async Task A_bad_branch_csv_names_the_line_and_field_and_imports_nothing()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var importer = new BranchCsvImporter(silo.Hierarchy, new RollupSettler(silo.Hierarchy));
        var csv = "wardId,branchId,name,membersAtStart,quota\nW1,W1-10,Chi bộ Mới,30,1\nW2,W2-10,\"Chi bộ, có dấu phẩy\",abc,1\nW1,W1-11,,12,x\nNOWHERE,W1-12,Chi bộ 12,5,1\n";

        var error = await Assert.ThrowsAsync<CsvImportException>(() => importer.ImportAsync(new StringReader(csv), 2026, "import"));

        Assert.Equal(
            [(3, "membersAtStart"), (4, "name"), (4, "quota"), (5, "wardId")],
            error.Errors.Select(e => (e.Line, e.Field)));
        Assert.False((await silo.Unit("W1-10").GetInfoAsync()).Exists);

        var good = "\uFEFFwardId,branchId,name,membersAtStart,quota\nW1,W1-10,Chi bộ Mới,30,2\nW2,W2-10,\"Chi bộ, có dấu phẩy\",40,1\n";
        var imported = await importer.ImportAsync(new StringReader(good), HierarchySilo.Today.Year, "import");
        Assert.Equal(2, imported.Branches);
        Assert.Equal(30, (await silo.ViewAsync("W1-10")).MembersAtStart);
        Assert.Equal("Chi bộ, có dấu phẩy", (await silo.Unit("W2-10").GetInfoAsync()).Name);
    }
}
