namespace Hierarchy.Silo.Demo;

/// <summary>
/// Finds an official catalogue: the configured path, or <c>shared/data/dvhcvn.json</c> (before the 2025 reform) or
/// <c>shared/data/dvhc-2025.json</c> (after it) in the working directory, the program's folder or any folder above
/// them (the repository sits beside <c>shared/</c>).
/// </summary>
public static class CatalogueLocator
{
    public const string BeforeReform = "dvhcvn";

    public const string AfterReform = "2025";

    public const string RelativePath = "shared/data/dvhcvn.json";

    public const string RelativePath2025 = "shared/data/dvhc-2025.json";

    /// <summary>Where the named catalogue lives under the shared folder; null for a name that is neither.</summary>
    public static string? RelativePathOf(string? catalogue) => catalogue switch
    {
        null or "" or BeforeReform => RelativePath,
        AfterReform => RelativePath2025,
        _ => null,
    };

    public static string? Find(string? configured, string? catalogue = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured, Directory.GetCurrentDirectory());
            return File.Exists(path) ? path : null;
        }

        if (RelativePathOf(catalogue) is not { } relative)
        {
            return null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, relative), Path.Combine(dir.FullName, "..", relative) })
                {
                    if (File.Exists(candidate))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        return null;
    }
}
