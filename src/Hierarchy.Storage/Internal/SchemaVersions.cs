namespace Hierarchy.Storage.Internal;

internal static class SchemaVersions
{
    /// <summary>Refuses a database that a newer build has migrated: this build would misread what it does not know.</summary>
    public static void EnsureKnown(int current, IReadOnlyList<Migration> migrations, string what)
    {
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The {what} has schema version {current}, newer than the {latest} this build of Hierarchy.Storage knows.");
        }
    }
}
