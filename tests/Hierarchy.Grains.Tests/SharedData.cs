namespace Hierarchy.Grains.Tests;

/// <summary>Finds ../shared/data beside the repository, where the official catalogue lives; it is never copied in.</summary>
public static class SharedData
{
    public static string CataloguePath { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "dvhcvn.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/data/dvhcvn.json was not found beside the repository.");
    }
}
