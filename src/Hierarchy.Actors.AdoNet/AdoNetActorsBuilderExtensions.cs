using Hierarchy.Actors.AdoNet;
using Hierarchy.Actors.AdoNet.Internal;
using Hierarchy.Actors.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hierarchy.Actors.Hosting;

/// <summary>Registers SQLite and PostgreSQL grain storage with the actor runtime.</summary>
public static class AdoNetActorsBuilderExtensions
{
    /// <summary>Grain storage in a SQLite file (created with its folder when missing), registered under <paramref name="name"/>.</summary>
    public static ActorsBuilder AddSqliteGrainStorage(this ActorsBuilder builder, string name, string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return builder.AddAdoNetGrainStorage(name, options =>
        {
            options.Provider = AdoNetProvider.Sqlite;
            options.DatabasePath = databasePath;
        });
    }

    /// <summary>Grain storage in PostgreSQL, registered under <paramref name="name"/>.</summary>
    public static ActorsBuilder AddPostgresGrainStorage(this ActorsBuilder builder, string name, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.AddAdoNetGrainStorage(name, options =>
        {
            options.Provider = AdoNetProvider.Postgres;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>
    /// Grain storage configured in full. The schema is created or migrated when the host starts, so a
    /// database that cannot be reached stops the silo at start rather than at a grain's first write.
    /// The container disposes the store at shutdown, which commits the writes still queued.
    /// </summary>
    public static ActorsBuilder AddAdoNetGrainStorage(this ActorsBuilder builder, string name, Action<AdoNetGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        var options = new AdoNetGrainStorageOptions();
        configure(options);
        builder.AddGrainStorage(name, _ => new AdoNetGrainStorage(options));
        builder.Services.AddSingleton<IHostedService>(sp => new AdoNetStorageInitializer(sp.GetRequiredKeyedService<IGrainStorage>(name)));
        return builder;
    }
}
