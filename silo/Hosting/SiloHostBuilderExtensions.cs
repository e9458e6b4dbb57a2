using Hierarchy.Grains;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Dashboard;
using Hierarchy.Silo.Demo;
using Hierarchy.Silo.Storage;
using Hierarchy.Silo.Telemetry;
using Hierarchy.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization.Configuration;

namespace Hierarchy.Silo.Hosting;

public static class SiloHostBuilderExtensions
{
    /// <summary>
    /// What the server and every sub-command share: an Orleans silo with the hierarchy's grains on the configured
    /// storage, the silo's own records (users, database mode, lease), and telemetry.
    /// </summary>
    /// <param name="serving">Whether this host serves the database (and so must hold its lease) or runs one sub-command.</param>
    public static IHostApplicationBuilder AddSiloCore(this IHostApplicationBuilder builder, bool serving)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var storage = StorageTarget.FromConfiguration(configuration);
        services.AddSingleton(storage);

        // Before the grains register theirs: every date the product derives from the clock is Vietnam's.
        services.AddSingleton<TimeProvider>(new BusinessTimeProvider(BusinessTimeZone.FromConfiguration(configuration)));
        services.AddSiloTelemetry(configuration);

        // Before the silo, so that a second silo on the same database stops before it wakes a single grain.
        if (serving)
        {
            services.AddHostedService<LeaseService>();
        }

        var endpoints = SiloEndpoints.FromConfiguration(configuration, wellKnownPorts: serving && storage.Provider == StorageProvider.Postgres);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: endpoints.ServiceId, clusterId: endpoints.ClusterId);
            silo.Configure<SiloMessagingOptions>(configuration.GetSection("Orleans:Messaging"));
            silo.Configure<GrainCollectionOptions>(configuration.GetSection("Orleans:GrainCollection"));

            // A type that crosses a grain interface without a codec stops the silo at start, not at its first call.
            silo.Services.Configure<TypeManifestOptions>(options => options.EnableConfigurationAnalysis = true);
            silo.AddActivityPropagation();
            silo.AddHierarchyGrains();
            silo.AddHierarchyDashboard(configuration);
            // Units and their ledger in our group-commit store, which keeps string keys exact; the GUID-keyed
            // scenarios in Orleans' own ADO.NET provider. Both in the one database, whose schema we create.
            if (storage.Provider == StorageProvider.Postgres)
            {
                silo.Services.AddPostgresJournalStorage(StorageNames.Units, storage.PostgresConnectionString!);
                silo.AddOrleansAdoNetGrainStorage(StorageNames.Scenarios, AdoNetProvider.Postgres, storage.PostgresConnectionString!);
            }
            else
            {
                silo.Services.AddSqliteJournalStorage(StorageNames.Units, storage.SqlitePath!);
                silo.AddOrleansAdoNetGrainStorage(StorageNames.Scenarios, AdoNetProvider.Sqlite, storage.SqlitePath!);
            }
        });

        services.TryAddSingleton<SiloRecords>();
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<DatabaseModeStore>();
        services.TryAddSingleton<ServingLease>();
        services.TryAddSingleton<DemoLoader>();
        services.TryAddSingleton<DemoAccounts>();
        services.TryAddSingleton<StoredUnits>();
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section));
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        return builder;
    }
}
