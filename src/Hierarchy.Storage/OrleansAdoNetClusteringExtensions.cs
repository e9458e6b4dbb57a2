using Hierarchy.Storage.Internal;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Hierarchy.Storage;

/// <summary>
/// Orleans' ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet) on PostgreSQL, with the membership tables and
/// statements of our migrations (<c>Sql/Postgres/Migrations/*_orleans_clustering.sql</c>). Silos and clients that
/// share the database and the cluster id form one cluster. SQLite has no clustering: a silo on a file stays alone.
/// </summary>
public static class OrleansAdoNetClusteringExtensions
{
    /// <summary>Membership in the PostgreSQL database; our migrations run first, before the provider reads its statements.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = OrleansAdoNetStorageExtensions.PostgresInvariant;
            options.ConnectionString = connectionString;
        });

        // The membership table is read before any other stage of the silo's start.
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            new AdoNetSchemaInitializer("clustering", AdoNetProvider.Postgres, connectionString, ServiceLifecycleStage.First));
        return builder;
    }

    /// <summary>A client that finds the cluster's gateways in the PostgreSQL database a silo has already migrated.</summary>
    public static IClientBuilder UsePostgresClustering(this IClientBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseAdoNetClustering(options =>
        {
            options.Invariant = OrleansAdoNetStorageExtensions.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
    }
}
