using Hierarchy.Storage.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hierarchy.Storage;

/// <summary>
/// Registers Orleans' stock ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet) on SQLite or PostgreSQL, with
/// the schema and statements of our migrations (<c>Sql/&lt;dialect&gt;/Migrations/*_orleans_storage.sql</c>).
/// </summary>
/// <remarks>
/// The stock provider keeps Orleans' known defects, which is why units use <see cref="GroupCommitGrainStorage"/>:
/// string keys that read as hexadecimal numbers share a row ("1", "01" and "001"; "0a" and "0A"), two grain types
/// with the same state name and key share a row, and the version is a 32-bit integer. GUID and integer keys are
/// kept apart.
/// </remarks>
public static class OrleansAdoNetStorageExtensions
{
    /// <summary>The invariant under which Orleans' ADO.NET providers load Microsoft.Data.Sqlite.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>The invariant under which Orleans' ADO.NET providers load Npgsql.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Orleans' ADO.NET grain storage under <paramref name="name"/>, storing plain System.Text.Json. Our migrations are
    /// run on the database early in the silo's start, before the provider loads its statements.
    /// </summary>
    /// <param name="builder">The silo.</param>
    /// <param name="name">The storage name, as in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="provider">The database.</param>
    /// <param name="connectionStringOrSqlitePath">
    /// SQLite: the database file, created with its folder when missing. PostgreSQL: an Npgsql connection string.
    /// </param>
    /// <param name="configure">Further options, such as <see cref="AdoNetGrainStorageOptions.DeleteStateOnClear"/>.</param>
    public static ISiloBuilder AddOrleansAdoNetGrainStorage(
        this ISiloBuilder builder,
        string name,
        AdoNetProvider provider,
        string connectionStringOrSqlitePath,
        Action<AdoNetGrainStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringOrSqlitePath);
        var (invariant, connectionString) = provider switch
        {
            // Orleans maps this invariant to Microsoft.Data.Sqlite's SqliteFactory itself (the driver's own name is
            // refused, dotnet/orleans#8187), so nothing needs registering with DbProviderFactories.
            AdoNetProvider.Sqlite => (SqliteInvariant, SqliteConnectionString(connectionStringOrSqlitePath)),
            AdoNetProvider.Postgres => (PostgresInvariant, connectionStringOrSqlitePath),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown ADO.NET provider."),
        };

        builder.AddAdoNetGrainStorage(name, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<IServiceProvider>((o, services) =>
            {
                o.Invariant = invariant;
                o.ConnectionString = connectionString;
                // Plain System.Text.Json for this provider only: the default is Newtonsoft JSON with $type names, and
                // UseSystemTextJsonGrainStorageSerializer would change every other provider's default as well.
                o.GrainStorageSerializer = ActivatorUtilities.CreateInstance<SystemTextJsonGrainStorageSerializer>(services);
                configure?.Invoke(o);
            }));

        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
        {
            // Strictly before the provider's own stage: participants of one stage start in no set order.
            var providerStage = services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(name).InitStage;
            var stage = Math.Min(ServiceLifecycleStage.RuntimeInitialize, providerStage - 1);
            return new AdoNetSchemaInitializer(name, provider, connectionStringOrSqlitePath, stage);
        });
        return builder;
    }

    private static string SqliteConnectionString(string databasePath) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            // The provider opens a connection for every read and write; the driver's pool saves reopening the file.
            Pooling = true,
            // The driver retries a busy database for this long, so a write waiting on another writer is not an error.
            DefaultTimeout = 30,
        }.ToString();
}
