using System.Text.RegularExpressions;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Commands;

/// <summary>The sub-commands as an operator runs them: each a process on the database under its working directory.</summary>
public sealed partial class CommandLineTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hierarchy-cli-").FullName;

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
    public async Task Catalogue_import_users_verify_and_backup_on_one_database()
    {
        var imported = await SiloCli.RunAsync(folder, "import-catalogue", RepositoryFiles.Catalogue);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Matches(@"^Imported 63 provinces, 696 districts and 10,047 wards in [\d.,]+ s\.$", imported.Output.Trim());
        Assert.Equal(string.Empty, imported.Error);
        Assert.True(File.Exists(Path.Combine(folder, "data", "hierarchy.db")), "the database lives in data/ under the working directory");

        var csv = Path.Combine(folder, "branches.csv");
        await File.WriteAllTextAsync(csv, "wardId,branchId,name,membersAtStart,quota\n20194,20194-01,Chi bộ Tổ dân phố 1,40,2\n20194,20194-02,\"Chi bộ Trường THCS, Hòa Hiệp\",25,1\n");
        var branches = await SiloCli.RunAsync(folder, "import-branches", csv, "--year", "2025");
        Assert.True(branches.ExitCode == 0, branches.Error);
        Assert.Matches(@"^Imported 2 branches in 1 wards in [\d.,]+ s\.$", branches.Output.Trim());
        Assert.Equal(string.Empty, branches.Error);

        var bad = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(bad, "wardId,branchId,name,membersAtStart\n20194,20194-03,Chi bộ 3,12\n20194,20194-04,Chi bộ 4,many\n99999,20194-05,Chi bộ 5,8\n20194,20194-03,Chi bộ 3 lần nữa,9\n");
        var rejected = await SiloCli.RunAsync(folder, "import-branches", bad);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Equal(
            [
                "error: line 3, field 'membersAtStart': 'many' is not a whole number from 0 to 100000.",
                "error: line 4, field 'wardId': '99999' is not a known ward.",
                "error: line 5, field 'branchId': Branch '20194-03' appears twice in the file.",
            ],
            rejected.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(string.Empty, rejected.Output.Trim());

        var added = await SiloCli.RunAsync(folder, "users", "add", "--unit", "20194-01", "--role", "branch", "--name", "Bí thư Tổ 1");
        Assert.True(added.ExitCode == 0, added.Error);
        var token = TokenPattern().Match(added.Output);
        Assert.True(token.Success, added.Output);
        var userId = token.Groups["id"].Value;

        var admin = await SiloCli.RunAsync(folder, "users", "add", "--role", "admin", "--name", "IT");
        Assert.True(admin.ExitCode == 0, admin.Error);
        Assert.Contains("admin", admin.Output, StringComparison.Ordinal);
        var adminId = TokenPattern().Match(admin.Output).Groups["id"].Value;
        Assert.NotEmpty(adminId);

        var list = await SiloCli.RunAsync(folder, "users", "list");
        Assert.Contains(userId, list.Output, StringComparison.Ordinal);
        Assert.Matches($@"{adminId}\s+admin\s+-\s", list.Output);
        Assert.DoesNotContain(token.Value, list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Value, await File.ReadAllTextAsync(Path.Combine(folder, "data", "hierarchy.db")), StringComparison.Ordinal);

        Assert.Equal(0, (await SiloCli.RunAsync(folder, "users", "revoke", userId)).ExitCode);
        Assert.DoesNotContain(userId, (await SiloCli.RunAsync(folder, "users", "list")).Output, StringComparison.Ordinal);
        Assert.Contains(userId, (await SiloCli.RunAsync(folder, "users", "list", "--all")).Output, StringComparison.Ordinal);

        var verify = await SiloCli.RunAsync(folder, "verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("Consistent", verify.Output, StringComparison.Ordinal);

        var demo = await SiloCli.RunAsync(folder, "demo-data", "--province", "48");
        Assert.Equal(1, demo.ExitCode);
        Assert.Contains("imported data", demo.Error, StringComparison.Ordinal);

        var backup = await SiloCli.RunAsync(folder, "backup", Path.Combine(folder, "copy.db"));
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.True(new FileInfo(Path.Combine(folder, "copy.db")).Length > 0);
        Assert.Equal(1, (await SiloCli.RunAsync(folder, "backup", Path.Combine(folder, "copy.db"))).ExitCode);
    }

    [Fact]
    public async Task The_2025_catalogue_and_organisations_outside_it_import_and_a_bad_units_file_imports_nothing()
    {
        var imported = await SiloCli.RunAsync(folder, "import-catalogue", RepositoryFiles.Catalogue2025, "--province", "44");
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Matches(@"^Imported 1 provinces and 78 communes and wards in [\d.,]+ s\.$", imported.Output.Trim());

        var bad = Path.Combine(folder, "bad-units.csv");
        await File.WriteAllTextAsync(bad, "parentId,unitId,name,kind\n44,44-K,Đảng bộ các cơ quan Đảng tỉnh,Đảng bộ khối\n99,44-X,Đảng bộ X,Đảng bộ cơ sở\n44-K,44-K-1,,Chi bộ\n");
        var rejected = await SiloCli.RunAsync(folder, "import-units", bad);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Equal(
            [
                "error: line 3, field 'parentId': '99' is not a known unit and is not defined in this file.",
                "error: line 4, field 'name': The name must have 1 to 200 characters.",
            ],
            rejected.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var good = Path.Combine(folder, "units.csv");
        await File.WriteAllTextAsync(good, "parentId,unitId,name,kind\n44-K,44-K-S,Đảng bộ Văn phòng Tỉnh ủy,Đảng bộ cơ sở\n44,44-K,Đảng bộ các cơ quan Đảng tỉnh,Đảng bộ khối\n44-K-S,44-K-S-1,Chi bộ Phòng Tổng hợp,Chi bộ\n");
        var units = await SiloCli.RunAsync(folder, "import-units", good);
        Assert.True(units.ExitCode == 0, units.Error);
        Assert.Matches(@"^Imported 2 organisations and 1 branches in [\d.,]+ s\.$", units.Output.Trim());
        var verify = await SiloCli.RunAsync(folder, "verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("Consistent", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_catalogue_is_one_line_naming_the_position()
    {
        var json = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(json, "{ \"data\": [\n  { \"level1_id\": \"01\", \"name\": }\n] }\n");

        var result = await SiloCli.RunAsync(folder, "import-catalogue", json);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: broken.json is not valid JSON: line 2, byte 32", result.Error.Trim());
    }

    [Fact]
    public async Task A_backup_taken_while_a_silo_serves_is_a_database_no_silo_serves()
    {
        var database = Path.Combine(folder, "data", "hierarchy.db");
        var copy = Path.Combine(folder, "copy.db");
        await using (var silo = await TestSilo.StartAsync(TestStorage.Sqlite(database)))
        {
            await TestHierarchy.CreateAsync(silo);
            var backup = await SiloCli.RunAsync(folder, "backup", copy);
            Assert.True(backup.ExitCode == 0, backup.Error);

            var verify = await SiloCli.RunAsync(folder, "verify", $"--Storage:Sqlite:Path={copy}");
            Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
            Assert.Contains("Consistent", verify.Output, StringComparison.Ordinal);

            var original = await SiloCli.RunAsync(folder, "verify");
            Assert.Contains("serving this database", original.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("users add --unit 48 --role king --name X", 2)]
    [InlineData("users add --unit 48 --role board", 2)]
    [InlineData("users add --unit nowhere --role board --name X", 1)]
    [InlineData("users add --role board --name X", 2)]
    [InlineData("users add --unit 48 --role admin --name X", 2)]
    [InlineData("users revoke nobody", 1)]
    [InlineData("import-catalogue /no/such/file.json", 1)]
    [InlineData("demo-data --province 48 --country", 2)]
    [InlineData("import-branches x.csv --year soon", 2)]
    [InlineData("frobnicate", 2)]
    [InlineData("serve --Storage:Provider=oracle", 1)]
    public async Task Bad_input_is_one_clear_line_and_a_non_zero_exit(string arguments, int exitCode)
    {
        var result = await SiloCli.RunAsync(folder, arguments.Split(' '));
        Assert.Equal(exitCode, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("import-catalogue")]
    [InlineData("import-branches")]
    [InlineData("import-indicators")]
    [InlineData("import-units")]
    [InlineData("restructure")]
    [InlineData("demo-data")]
    [InlineData("verify")]
    [InlineData("users add")]
    [InlineData("users list")]
    [InlineData("users revoke")]
    [InlineData("backup")]
    public async Task Every_command_has_help(string command)
    {
        var result = await SiloCli.RunAsync(folder, [.. command.Split(' '), "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"hy_(?<id>u[a-z0-9]+)_[A-Za-z0-9_\-]+")]
    private static partial Regex TokenPattern();
}
