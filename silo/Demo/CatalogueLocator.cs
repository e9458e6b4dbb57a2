namespace Hierarchy.Silo.Demo;

/// <summary>
/// Finds the official catalogue: the configured path, or <c>shared/data/dvhcvn.json</c> in the working directory, the
/// program's folder or any folder above them (the repository sits beside <c>shared/</c>).
/// </summary>
public static class CatalogueLocator
{
    public const string RelativePath = "shared/data/dvhcvn.json";

    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured, Directory.GetCurrentDirectory());
            return File.Exists(path) ? path : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, RelativePath), Path.Combine(dir.FullName, "..", RelativePath) })
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
