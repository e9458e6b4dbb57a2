using System.Net;
using System.Text.RegularExpressions;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Commands;

/// <summary>restructure as an operator runs it, on the official files, and the API over the database it leaves.</summary>
public sealed partial class RestructureCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hierarchy-reform-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    [Fact]
    public async Task Restructure_moves_the_old_provinces_under_the_new_one_and_the_api_shows_predecessors_and_successors()
    {
        foreach (var province in new[] { "44", "45" })
        {
            var imported = await SiloCli.RunAsync(folder, "import-catalogue", RepositoryFiles.Catalogue, "--province", province);
            Assert.True(imported.ExitCode == 0, imported.Error);
        }

        var csv = Path.Combine(folder, "branches.csv");
        await File.WriteAllTextAsync(csv, "wardId,branchId,name,membersAtStart,quota\n18853,18853-01,Chi bộ Tổ dân phố 1,40,2\n19330,19330-01,Chi bộ Khu phố 1,35,3\n");
        Assert.Equal(0, (await SiloCli.RunAsync(folder, "import-branches", csv, "--year", "2025")).ExitCode);
        var committee = Token((await SiloCli.RunAsync(folder, "users", "add", "--unit", "44", "--role", "committee", "--name", "Ban Thường vụ")).Output);
        var restructure = new[] { "restructure", "--catalogue", RepositoryFiles.Catalogue2025, "--conversion", RepositoryFiles.Conversion2025, "--on", "2025-07-01" };

        var dry = await SiloCli.RunAsync(folder, [.. restructure, "--dry-run"]);
        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains("move 18853-01 (Chi bộ Tổ dân phố 1) from 18853 (Phường Hải Thành) to 18880 (Phường Đồng Hới)", dry.Output, StringComparison.Ordinal);
        Assert.Contains("keep 44 (Tỉnh Quảng Bình) as 44@2025-06-30; 44 becomes Tỉnh Quảng Trị", dry.Output, StringComparison.Ordinal);
        Assert.Matches(@"Dry run: would keep 284 former units, form 79 new units and move 2 branches and organisations; nothing was changed\.", dry.Output);

        var run = await SiloCli.RunAsync(folder, restructure);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"^Restructured on 2025-07-01: kept 284 former units, formed 79 new units, moved 2 branches and organisations and set \d+ quotas in [\d.,]+ s\.$", run.Output.Trim());
        var again = await SiloCli.RunAsync(folder, restructure);
        Assert.Contains("restructured on 2025-07-01 already", again.Output, StringComparison.Ordinal);
        var verify = await SiloCli.RunAsync(folder, "verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        var commune = Token((await SiloCli.RunAsync(folder, "users", "add", "--unit", "18880", "--role", "committee", "--name", "Đảng ủy phường")).Output);

        await using var silo = await TestSilo.StartAsync(TestStorage.Sqlite(Path.Combine(folder, "data", "hierarchy.db")));
        using var client = silo.Client(committee);
        var quangTri = await (await client.GetAsync("api/units/44?year=2025")).JsonAsync();
        Assert.Equal("Tỉnh Quảng Trị", quangTri.Str("name"));
        Assert.Equal(["44@2025-06-30", "45"], quangTri["predecessors"]!.AsArray().Select(p => p!.Str("id")));
        Assert.Equal(["Tỉnh Quảng Bình", "Tỉnh Quảng Trị"], quangTri["predecessors"]!.AsArray().Select(p => p!.Str("name")));
        Assert.All(quangTri["predecessors"]!.AsArray(), p => Assert.Equal("2025-06-30", p!.Str("lastDay")));
        var former = await (await client.GetAsync("api/units/44@2025-06-30?year=2025")).JsonAsync();
        Assert.Equal(("Tỉnh Quảng Bình", "2025-06-30"), (former.Str("name"), former.Str("lastDay")));
        Assert.Equal(["44"], former["successors"]!.AsArray().Select(s => s!.Str("id")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/units/45")).StatusCode);

        using var communeClient = silo.Client(commune);
        Assert.Equal(HttpStatusCode.OK, (await communeClient.GetAsync("api/units/18853")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await communeClient.GetAsync("api/units/45")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await communeClient.GetAsync("api/units/19330")).StatusCode);
    }

    [Fact]
    public async Task A_branch_of_a_split_ward_stops_restructure_listing_its_candidates_and_nothing_changes()
    {
        Assert.Equal(0, (await SiloCli.RunAsync(folder, "import-catalogue", RepositoryFiles.Catalogue, "--province", "48")).ExitCode);
        var csv = Path.Combine(folder, "branches.csv");
        await File.WriteAllTextAsync(csv, "wardId,branchId,name,membersAtStart,quota\n20296,20296-01,Chi bộ Tổ 1,40,2\n");
        Assert.Equal(0, (await SiloCli.RunAsync(folder, "import-branches", csv, "--year", "2025")).ExitCode);

        var run = await SiloCli.RunAsync(folder, "restructure", "--catalogue", RepositoryFiles.Catalogue2025, "--conversion", RepositoryFiles.Conversion2025, "--on", "2025-07-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "error: branch 20296-01 (Chi bộ Tổ 1) of 20296 (Xã Hòa Liên), which was split: name it in --branches; candidates: 20194 Phường Hải Vân, 20197 Phường Liên Chiểu",
                "error: nothing was changed; 1 branches need a new unit and 0 lines of the mapping are wrong",
            ],
            run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var dry = await SiloCli.RunAsync(folder, "restructure", "--catalogue", RepositoryFiles.Catalogue2025, "--conversion", RepositoryFiles.Conversion2025, "--on", "2025-07-01", "--dry-run");
        Assert.Equal(1, dry.ExitCode);
    }

    private static string Token(string output) => TokenPattern().Match(output) is { Success: true } match ? match.Value : throw new InvalidOperationException(output);

    [GeneratedRegex(@"hy_u[a-z0-9]+_[A-Za-z0-9_\-]+")]
    private static partial Regex TokenPattern();
}
