namespace Hierarchy.Silo.Tests.Support;

/// <summary>Files of the repository's surroundings that tests read in place (never copied into the project).</summary>
public static class RepositoryFiles
{
    /// <summary>The official catalogue, ../shared/data/dvhcvn.json beside the repository.</summary>
    public static string Catalogue =>
        Hierarchy.Silo.Demo.CatalogueLocator.Find(null) ?? throw new FileNotFoundException("shared/data/dvhcvn.json was not found above the test's folder.");
}
