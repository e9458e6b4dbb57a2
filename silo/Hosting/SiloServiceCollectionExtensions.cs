using Hierarchy.Actors.Hosting;
using Hierarchy.Grains;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Demo;
using Hierarchy.Silo.Storage;
using Hierarchy.Silo.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hierarchy.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// What the server and every sub-command share: the runtime with the hierarchy's grains on the configured storage,
    /// the silo's own records (users, database mode, lease), and telemetry.
    /// </summary>
    /// <param name="serving">Whether this host serves the database (and so must hold its lease) or runs one sub-command.</param>
    public static IServiceCollection AddSiloCore(this IServiceCollection services, IConfiguration configuration, bool serving)
    {
        var storage = StorageTarget.FromConfiguration(configuration);
        services.AddSingleton(storage);

        // First, so that the providers listen before the runtime makes its first call.
        services.AddOptions<SiloTelemetryOptions>();
        services.AddHostedService<OpenTelemetryService>();
        services.TryAddSingleton<SiloTelemetry>();

        // Before the runtime, so that a second silo on the same database stops before it wakes a single grain.
        if (serving)
        {
            services.AddHostedService<LeaseService>();
        }

        services.AddActors(actors =>
        {
            actors.AddHierarchyGrains();
            actors.Configure(options => configuration.GetSection("Actors").Bind(options));
            if (storage.Provider == StorageProvider.Postgres)
            {
                actors.AddPostgresGrainStorage(ActorsOptions.DefaultStorageName, storage.PostgresConnectionString!);
            }
            else
            {
                actors.AddSqliteGrainStorage(ActorsOptions.DefaultStorageName, storage.SqlitePath!);
            }
        });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SiloRecords>();
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<DatabaseModeStore>();
        services.TryAddSingleton<ServingLease>();
        services.TryAddSingleton<DemoLoader>();
        services.TryAddSingleton<DemoAccounts>();
        services.TryAddSingleton<StoredUnits>();
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section));
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        return services;
    }
}
