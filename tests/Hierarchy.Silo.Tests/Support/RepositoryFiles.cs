using Hierarchy.Silo.Demo;

namespace Hierarchy.Silo.Tests.Support;

/// <summary>Files of the repository's surroundings that tests read in place (never copied into the project).</summary>
public static class RepositoryFiles
{
    /// <summary>The official catalogue before the 2025 reform, ../shared/data/dvhcvn.json beside the repository.</summary>
    public static string Catalogue =>
        CatalogueLocator.Find(null) ?? throw new FileNotFoundException("shared/data/dvhcvn.json was not found above the test's folder.");

    /// <summary>The catalogue after it, ../shared/data/dvhc-2025.json.</summary>
    public static string Catalogue2025 =>
        CatalogueLocator.Find(null, CatalogueLocator.AfterReform) ?? throw new FileNotFoundException("shared/data/dvhc-2025.json was not found above the test's folder.");

    /// <summary>The official conversion table from old wards to new units, ../shared/data/dvhc-2025-conversion.csv.</summary>
    public static string Conversion2025 => Path.Combine(Path.GetDirectoryName(Catalogue2025)!, "dvhc-2025-conversion.csv");
}
