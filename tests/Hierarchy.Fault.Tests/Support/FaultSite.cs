using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Fault.Tests.Support;

/// <summary>
/// A real database prepared with the operator's own commands: Đà Nẵng (province 48) from the official catalogue,
/// a few branches in three of its districts, a token per branch and a province board token.
/// </summary>
public sealed class FaultSite : IDisposable
{
    public const string Province = "48";

    private static readonly string[] BranchIds = ["20194-01", "20194-02", "20195-01", "20206-01", "20207-01", "20227-01"];

    private FaultSite(string folder, IReadOnlyList<string> storage)
    {
        Folder = folder;
        Storage = storage;
    }

    /// <summary>The working directory every process of the site runs in (SQLite lives in data/ under it).</summary>
    public string Folder { get; }

    /// <summary>The storage settings every process of the site is given.</summary>
    public IReadOnlyList<string> Storage { get; }

    public IReadOnlyList<(string Branch, string Token)> Branches { get; private set; } = [];

    public string BoardToken { get; private set; } = "";

    public static async Task<FaultSite> CreateAsync(IReadOnlyList<string>? storage = null)
    {
        var site = new FaultSite(Directory.CreateTempSubdirectory("hierarchy-fault-").FullName, storage ?? []);
        try
        {
            await site.RunAsync("import-catalogue", RepositoryFiles.Catalogue, "--province", Province);
            var csv = Path.Combine(site.Folder, "branches.csv");
            await File.WriteAllLinesAsync(csv, ["wardId,branchId,name,membersAtStart,quota", .. BranchIds.Select(b => $"{b[..5]},{b},Chi bộ {b},40,500")]);
            await site.RunAsync("import-branches", csv);
            var branches = new List<(string, string)>();
            foreach (var branch in BranchIds)
            {
                branches.Add((branch, await site.AddUserAsync(branch, "branch")));
            }

            site.Branches = branches;
            site.BoardToken = await site.AddUserAsync(Province, "board");
            return site;
        }
        catch
        {
            site.Dispose();
            throw;
        }
    }

    public Task<SiloProcess> StartSiloAsync() => SiloProcess.StartAsync(Folder, Storage);

    /// <summary>Runs a sub-command on the site's database and returns its result; a test asserts on the exit code.</summary>
    public Task<(int ExitCode, string Output, string Error)> CliAsync(params string[] arguments) =>
        SiloCli.RunAsync(Folder, [.. arguments, .. Storage]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private async Task<string> AddUserAsync(string unit, string role)
    {
        var output = await RunAsync("users", "add", "--unit", unit, "--role", role, "--name", $"Fault test {role} {unit}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var result = await CliAsync(arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"silo {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Output}{result.Error}");
        }

        return result.Output;
    }
}
