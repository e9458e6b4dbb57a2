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
using Orleans.Serialization;
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
        var storage = services.AddSiloBasics(configuration);

        // A file holds one silo: before the silo starts, so that a second one on the same file stops before it wakes
        // a single grain. On PostgreSQL, silos form a cluster through the database instead.
        var clustered = storage.Provider == StorageProvider.Postgres;
        if (serving && !clustered)
        {
            services.AddHostedService<LeaseService>();
        }
        else if (clustered)
        {
            services.AddHostedService<ClusterIdentityCheck>();
        }

        var endpoints = SiloEndpoints.FromConfiguration(configuration, wellKnownPorts: serving && clustered);
        builder.UseOrleans(silo =>
        {
            if (clustered)
            {
                silo.UsePostgresClustering(storage.PostgresConnectionString!);
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = endpoints.ClusterId;
                    options.ServiceId = endpoints.ServiceId;
                });
                if (endpoints.AdvertisedAddress is { } advertised)
                {
                    silo.ConfigureEndpoints(advertised, endpoints.SiloPort, endpoints.GatewayPort);
                }
                else
                {
                    // Orleans' own choice: the machine's first network address.
                    silo.ConfigureEndpoints(endpoints.SiloPort, endpoints.GatewayPort);
                }

                silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));

                // Orleans' default directory is eventually consistent: while silos join and leave, two activations of a
                // unit may briefly exist, and the one with the older state then fails its write, changing nothing (the
                // call is repeated if harmless, else a 503 the client retries). The strongly consistent directory
                // (under evaluation in Orleans, ORLEANSEXP003) rules that out, but here it held a dead silo's units
                // unreachable for about 15 s after the silo was declared dead, against under a second with the
                // default (bench --scenario failover), so it is a setting, off by default.
                if (configuration.GetValue("Silo:StronglyConsistentDirectory", false))
                {
#pragma warning disable ORLEANSEXP003
                    silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
                }
            }
            else
            {
                silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: endpoints.ServiceId, clusterId: endpoints.ClusterId);
            }

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

        services.AddSiloRecords(configuration);
        return builder;
    }

    /// <summary>
    /// A sub-command's host on PostgreSQL while a cluster runs: an Orleans client that reaches the cluster's grains
    /// through a gateway, with the same records, storage and domain services as a silo, and no grains of its own.
    /// </summary>
    public static IHostApplicationBuilder AddClusterClientCore(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var storage = services.AddSiloBasics(configuration);
        if (storage.Provider != StorageProvider.Postgres)
        {
            throw new SiloConfigurationException("Only silos on PostgreSQL form a cluster that a client can join.");
        }

        var endpoints = SiloEndpoints.FromConfiguration(configuration, wellKnownPorts: false);
        builder.UseOrleansClient(client =>
        {
            client.UsePostgresClustering(storage.PostgresConnectionString!);
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = endpoints.ClusterId;
                options.ServiceId = endpoints.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(configuration.GetSection("Orleans:Messaging"));
            client.AddHierarchyClient();
        });

        // The journal store reads the ledger for verify and writes the silo's own records; grains write through the cluster.
        services.AddPostgresJournalStorage(StorageNames.Units, storage.PostgresConnectionString!);
        services.AddSiloRecords(configuration);
        return builder;
    }

    private static StorageTarget AddSiloBasics(this IServiceCollection services, IConfiguration configuration)
    {
        // An exception a grain throws on one silo reaches its caller on another only if Orleans may serialize its
        // type, and by default only System, Microsoft and Orleans exceptions are; a database error from Npgsql would
        // arrive as a codec failure (a 500) instead of the outage it is (a 503 the client retries).
        services.Configure<ExceptionSerializationOptions>(options =>
        {
            options.SupportedNamespacePrefixes.Add("Npgsql");
            options.SupportedNamespacePrefixes.Add("Hierarchy");
        });

        var storage = StorageTarget.FromConfiguration(configuration);
        services.AddSingleton(storage);

        // Before the grains register theirs: every date the product derives from the clock is Vietnam's.
        services.AddSingleton<TimeProvider>(new BusinessTimeProvider(BusinessTimeZone.FromConfiguration(configuration)));
        services.AddSiloCalendar(configuration);
        services.AddSiloTelemetry(configuration);
        return storage;
    }

    private static void AddSiloRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<SiloRecords>();
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<DatabaseModeStore>();
        services.TryAddSingleton<ServingLease>();
        services.TryAddSingleton<DemoLoader>();
        services.TryAddSingleton<DemoAccounts>();
        services.TryAddSingleton<StoredUnits>();
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section));
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
    }
}
