using Hierarchy.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Hierarchy.Silo.Storage;

/// <summary>
/// Where the silo keeps everything, resolved once from configuration so that <c>serve</c> and every sub-command open
/// the same store. SQLite under <c>data/</c> of the working directory unless PostgreSQL is configured.
/// </summary>
public sealed record StorageTarget(StorageProvider Provider, string? SqlitePath, string? PostgresConnectionString)
{
    public const string DefaultSqlitePath = "data/hierarchy.db";
    public const string PostgresEnvironmentVariable = "HIERARCHY_POSTGRES";

    public static StorageTarget FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Storage");
        var postgres = section["Postgres:ConnectionString"];
        if (string.IsNullOrWhiteSpace(postgres))
        {
            postgres = configuration[PostgresEnvironmentVariable] ?? Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);
        }

        var providerText = section["Provider"];
        StorageProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            // A connection string alone is enough to choose PostgreSQL: "one setting away".
            provider = string.IsNullOrWhiteSpace(postgres) ? StorageProvider.Sqlite : StorageProvider.Postgres;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new SiloConfigurationException($"Storage:Provider must be 'sqlite' or 'postgres', not '{providerText}'.");
        }

        if (provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(postgres))
            {
                throw new SiloConfigurationException(
                    $"Storage:Provider is postgres but no connection string is set (Storage:Postgres:ConnectionString or {PostgresEnvironmentVariable}).");
            }

            return new StorageTarget(provider, null, postgres);
        }

        var path = section["Sqlite:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = DefaultSqlitePath;
        }

        // Relative to where the operator runs the command, not to the build output: `dotnet run` from the repository
        // root keeps its data in ./data.
        return new StorageTarget(provider, Path.GetFullPath(path, Directory.GetCurrentDirectory()), null);
    }

    /// <summary>Which database, without where it is: what any signed-in user may read about the storage.</summary>
    public string ProviderName => Provider == StorageProvider.Sqlite ? "SQLite" : "PostgreSQL";

    /// <summary>A one-line description for the console, with any password masked.</summary>
    public string Describe()
    {
        if (Provider == StorageProvider.Sqlite)
        {
            return $"SQLite {SqlitePath}";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString);
            return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (connection string not readable)";
        }
    }
}
