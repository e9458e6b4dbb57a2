namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>The grain storage names the test grains use; each cluster registers the one its grains need.</summary>
public static class StorageNames
{
    /// <summary>Our group-commit store.</summary>
    public const string Journal = "journal";

    /// <summary>Orleans' stock ADO.NET provider on our schema.</summary>
    public const string Stock = "stock";

    /// <summary>The state name every test grain uses, so that grains of different types collide if a store lets them.</summary>
    public const string State = "counter";
}
