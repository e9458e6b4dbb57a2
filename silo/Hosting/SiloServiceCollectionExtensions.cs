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
    public static IServiceCollection AddSiloCore(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageTarget.FromConfiguration(configuration);
        services.AddSingleton(storage);

        // First, so that the providers listen before the runtime makes its first call.
        services.AddOptions<SiloTelemetryOptions>();
        services.AddHostedService<OpenTelemetryService>();
        services.TryAddSingleton<SiloTelemetry>();

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
