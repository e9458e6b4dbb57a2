using Hierarchy.TestSupport;

namespace Hierarchy.Storage.Tests;

/// <summary>The shared tests against a real PostgreSQL server, each in a database of its own.</summary>
[RequiresPostgres]
public class PostgresGrainStorageConformanceTests : DurableGrainStorageConformanceTests
{
    private PostgresDatabase? database;

    public override async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected virtual int WriterConnections => 1;

    protected override Task<IJournalStorage> CreateStorageAsync() =>
        Task.FromResult<IJournalStorage>(new GroupCommitGrainStorage(new GroupCommitGrainStorageOptions
        {
            Provider = AdoNetProvider.Postgres,
            ConnectionString = database!.ConnectionString,
            WriterConnections = WriterConnections,
        }));
}
