namespace Hierarchy.Grains;

/// <summary>The grain storage providers the hierarchy's grains name; the host registers one under each.</summary>
public static class StorageNames
{
    /// <summary>
    /// The journal storage (group commit, exact string keys): unit states and the admission ledger, the catalogue,
    /// the search index and the list of scenarios.
    /// </summary>
    public const string Units = "units";

    /// <summary>Orleans' own ADO.NET provider, which keeps GUID keys apart: the what-if scenarios.</summary>
    public const string Scenarios = "scenarios";
}
