using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Commands;

public sealed partial class CommandLineTests
{
    [Fact]
    public async Task Import_indicators_takes_a_whole_file_or_names_every_bad_line_and_takes_none()
    {
        var imported = await SiloCli.RunAsync(folder, "import-catalogue", RepositoryFiles.Catalogue);
        Assert.True(imported.ExitCode == 0, imported.Error);

        var csv = Path.Combine(folder, "indicators.csv");
        await File.WriteAllTextAsync(csv, "unitId,year,population,residentialGroups,groupsWithoutMembers,groupLeaders,leadersWhoAreMembers,targetLeaderSharePercent\n20194,2026,31250,24,2,24,20,90\n20195,2026,28000,18,0,18,17,\n48,2026,,,,,,\"92,5\"\n");
        var result = await SiloCli.RunAsync(folder, "import-indicators", csv);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("Imported the indicators of 3 units (3 rows).", result.Output.Trim());

        var bad = Path.Combine(folder, "bad-indicators.csv");
        await File.WriteAllTextAsync(bad, "unitId,population,residentialGroups,groupsWithoutMembers\n20194,31250,24,30\n99999,100,,\n20195,lots,,\n20194,1,,\n");
        var rejected = await SiloCli.RunAsync(folder, "import-indicators", bad, "--year", "2026");
        Assert.Equal(1, rejected.ExitCode);
        Assert.Equal(
            [
                "error: line 2, field 'groupsWithoutMembers': groupsWithoutMembers (30) cannot exceed residentialGroups (24).",
                "error: line 3, field 'unitId': '99999' is not a known unit.",
                "error: line 4, field 'population': 'lots' is not a whole number.",
                "error: line 5, field 'unitId': '20194' appears twice in the file for 2026.",
            ],
            rejected.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var verify = await SiloCli.RunAsync(folder, "verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("Consistent", verify.Output, StringComparison.Ordinal);
    }
}
