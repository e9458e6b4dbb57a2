namespace Hierarchy.Storage;

/// <summary>The relational database behind an <see cref="GroupCommitGrainStorage"/>.</summary>
public enum AdoNetProvider
{
    /// <summary>An embedded SQLite file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for production and for several silos sharing one store.</summary>
    Postgres,
}
