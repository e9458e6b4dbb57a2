namespace Hierarchy.Grains.Tests;

/// <summary>Finds ../shared/data beside the repository, where the official catalogue lives; it is never copied in.</summary>
public static class SharedData
{
    /// <summary>The catalogue before the reform of 1 July 2025: province, district, ward.</summary>
    public static string CataloguePath { get; } = Find("dvhcvn.json");

    /// <summary>The catalogue after it: province, commune.</summary>
    public static string Catalogue2025Path { get; } = Find("dvhc-2025.json");

    /// <summary>The official table from the old wards to the new units.</summary>
    public static string ConversionPath { get; } = Find("dvhc-2025-conversion.csv");

    private static string Find(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/data/{file} was not found beside the repository.");
    }
}
