using Hierarchy.Grains.Import;
using Hierarchy.Grains.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Grains.Tests;

/// <summary>Importing indicators from CSV: the columns a file names replace those figures, the others stay, and a bad file changes nothing.</summary>
public sealed class IndicatorImportTests
{
    private static int Year => HierarchySilo.Today.Year;

    [Fact]
    public async Task A_file_of_populations_alone_keeps_the_targets_and_a_bad_file_changes_nothing()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var importer = silo.Services.GetRequiredService<IndicatorCsvImporter>();
        var first = await importer.ImportAsync(
            new StringReader("unitId,population,residentialGroups,groupsWithoutMembers,targetLeaderSharePercent,targetYouthUnionIntroductions\nW1,10000,40,4,90,12\nW2,5000,20,1,\"85,5\",\n"),
            Year,
            "import");
        Assert.Equal(new IndicatorImportResult(2, 2), first);
        var w2 = (await silo.ViewAsync("W2")).Indicators!;
        Assert.Equal((5_000L, 85.5m, (int?)null), (w2.Population, w2.Targets!.LeaderSharePercent!.Value, w2.Targets.YouthUnionIntroductions));

        await importer.ImportAsync(new StringReader("unitId,year,population\nW1," + Year + ",12000\n"), Year, "import");
        var w1 = (await silo.ViewAsync("W1")).Indicators!;
        Assert.Equal((12_000L, 40, 4, 90m, 12), (w1.Population, w1.ResidentialGroups, w1.GroupsWithoutMembers, w1.Targets!.LeaderSharePercent!.Value, w1.Targets.YouthUnionIntroductions!.Value));

        var failure = await Assert.ThrowsAsync<CsvImportException>(() => importer.ImportAsync(
            new StringReader("unitId,population,targetLeaderSharePercent\nW1,1,\nW2,2,101\n"), Year, "import"));
        var error = Assert.Single(failure.Errors);
        Assert.Equal((3, "targetLeaderSharePercent"), (error.Line, error.Field));
        Assert.Equal(12_000, (await silo.ViewAsync("W1")).Indicators!.Population);

        var province = (await silo.ViewAsync("P")).Indicators!;
        Assert.Equal((17_000L, 60, 2), (province.Population, province.ResidentialGroups, province.Reporting));
    }
}
