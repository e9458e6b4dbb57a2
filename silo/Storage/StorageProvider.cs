namespace Hierarchy.Silo.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
