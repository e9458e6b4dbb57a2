using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Support;

/// <summary>A fresh PostgreSQL database from HIERARCHY_TEST_POSTGRES; without one (and off CI) the tests skip.</summary>
public sealed class PostgresSiloFixture : SiloFixture
{
    private PostgresDatabase? database;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected override async Task<TestStorage?> StorageAsync()
    {
        if (PostgresTestEnvironment.SkipReason is not null)
        {
            return null;
        }

        database = await PostgresDatabase.CreateAsync();
        return TestStorage.Postgres(database.ConnectionString);
    }
}
