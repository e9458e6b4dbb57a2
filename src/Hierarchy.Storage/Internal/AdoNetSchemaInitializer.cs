using Hierarchy.Storage.Postgres;
using Hierarchy.Storage.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace Hierarchy.Storage.Internal;

/// <summary>
/// Runs our migrations on the database of a stock Orleans ADO.NET grain storage before that provider starts. The
/// provider reads its statements from the OrleansQuery table when it initialises and fails the silo's start when they
/// are missing, and it may be registered without our own store (or on another database than our store's), so it
/// cannot count on <see cref="StorageInitializer"/> having migrated its database.
/// </summary>
internal sealed class AdoNetSchemaInitializer(string name, AdoNetProvider provider, string target, int stage)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(AdoNetSchemaInitializer)}-{name}", stage, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // A backend of our store is built only for its migration and closed at once: the stock provider opens its own
        // connections. Migrating twice (our store on the same database does so too) is harmless, since a migration is
        // recorded in schema_version and applied under a lock.
        await using IStorageBackend backend = provider switch
        {
            AdoNetProvider.Sqlite => new SqliteBackend(target, readConnections: 1),
            AdoNetProvider.Postgres => new PostgresBackend(target),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown ADO.NET provider."),
        };
        await backend.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
