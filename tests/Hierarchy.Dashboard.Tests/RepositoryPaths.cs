namespace Hierarchy.Dashboard.Tests;

/// <summary>Where the built silo and the shared catalogue are, found from the test's own output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The silo built in the same configuration as the tests (the project reference builds it first).</summary>
    public static string SiloAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
            var path = Path.Combine(Root, "silo", "bin", configuration, "net10.0", "Hierarchy.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the silo first.", path);
        }
    }

    public static string Catalogue2025 => Path.Combine(Path.GetDirectoryName(Catalogue)!, "dvhc-2025.json");

    public static string Conversion2025 => Path.Combine(Path.GetDirectoryName(Catalogue)!, "dvhc-2025-conversion.csv");

    public static string Catalogue
    {
        get
        {
            foreach (var candidate in new[] { Path.Combine(Root, "shared", "data", "dvhcvn.json"), Path.Combine(Root, "..", "shared", "data", "dvhcvn.json") })
            {
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }

            throw new FileNotFoundException("The official catalogue shared/data/dvhcvn.json was not found beside the repository.");
        }
    }

    public static string Screenshots
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hierarchy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Hierarchy.sln not found above the test output.");
    }
}
