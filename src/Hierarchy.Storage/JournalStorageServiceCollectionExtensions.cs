using Hierarchy.Storage.Internal;
using Hierarchy.Storage.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hierarchy.Storage;

/// <summary>Registers journal storage as a named Orleans grain storage provider, and the <see cref="JournaledStateAttribute"/> facet.</summary>
public static class JournalStorageServiceCollectionExtensions
{
    /// <summary>Grain storage in a SQLite file (created with its folder when missing), registered under <paramref name="name"/>.</summary>
    public static IServiceCollection AddSqliteJournalStorage(this IServiceCollection services, string name, string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return services.AddGroupCommitJournalStorage(name, options =>
        {
            options.Provider = AdoNetProvider.Sqlite;
            options.DatabasePath = databasePath;
        });
    }

    /// <summary>Grain storage in PostgreSQL, registered under <paramref name="name"/>.</summary>
    public static IServiceCollection AddPostgresJournalStorage(this IServiceCollection services, string name, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddGroupCommitJournalStorage(name, options =>
        {
            options.Provider = AdoNetProvider.Postgres;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>
    /// Group-commit grain storage configured in full. The schema is created or migrated early in the silo's start;
    /// the container disposes the store after the silo has stopped, which commits the writes still queued.
    /// </summary>
    public static IServiceCollection AddGroupCommitJournalStorage(this IServiceCollection services, string name, Action<GroupCommitGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new GroupCommitGrainStorageOptions();
        configure(options);
        return services.AddJournalStorage(name, _ => new GroupCommitGrainStorage(options));
    }

    /// <summary>An in-process journal storage, for tests.</summary>
    public static IServiceCollection AddMemoryJournalStorage(this IServiceCollection services, string name) =>
        services.AddJournalStorage(name, _ => new MemoryGrainStorage());

    /// <summary>Any <see cref="IJournalStorage"/> under a name, for both <c>[PersistentState]</c> and <c>[JournaledState]</c>.</summary>
    public static IServiceCollection AddJournalStorage(this IServiceCollection services, string name, Func<IServiceProvider, IJournalStorage> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddKeyedSingleton(name, (sp, _) => factory(sp));
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => sp.GetRequiredKeyedService<IJournalStorage>(key));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new StorageInitializer(name, sp.GetRequiredKeyedService<IGrainStorage>(name)));
        services.TryAddSingleton<IAttributeToFactoryMapper<JournaledStateAttribute>, JournaledStateAttributeMapper>();
        return services;
    }
}
