using Xunit;

namespace Hierarchy.TestSupport;

/// <summary>One fresh database for a whole test class (<c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>).</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresDatabase? database;

    public PostgresDatabase Database => database
        ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialized.");

    public string ConnectionString => Database.ConnectionString;

    public async Task InitializeAsync()
    {
        // Without a server (and not on CI) the tests of the class are skipped and never reach this point.
        if (PostgresTestEnvironment.SkipReason is null)
        {
            database = await PostgresDatabase.CreateAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
