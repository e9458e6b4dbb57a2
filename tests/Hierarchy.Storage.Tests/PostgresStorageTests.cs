using Hierarchy.Storage.Postgres;
using Hierarchy.TestSupport;
using Npgsql;

namespace Hierarchy.Storage.Tests;

/// <summary>What only the PostgreSQL store has to show: its schema under concurrent start and its recovery from a failed commit.</summary>
public sealed class PostgresStorageTests : IAsyncLifetime
{
    private PostgresDatabase? database;

    private string ConnectionString => database!.ConnectionString;

    public async Task InitializeAsync()
    {
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

    [PostgresFact]
    public async Task The_schema_is_created_once_however_many_stores_start_at_once()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => GroupCommitGrainStorage.CreatePostgres(ConnectionString)).ToList();
        await Task.WhenAll(stores.Select(s => s.InitializeAsync()));
        await Task.WhenAll(stores.Select(s => s.InitializeAsync()));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal("1,2,3,4,5", await QueryAsync("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version"));
        // The orleans* tables are for the stock Orleans ADO.NET providers (grain storage, clustering) on the same
        // database; our store never touches them.
        Assert.Equal(
            "grain_journal,grain_state,orleansmembershiptable,orleansmembershipversiontable,orleansquery,orleansstorage,schema_version",
            await QueryAsync("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Equal(
            "grain_journal_pkey,grain_state_pkey,ix_grain_state_wake,orleansmembershiptable_pkey,orleansmembershipversiontable_pkey,orleansquery_pkey,schema_version_pkey,ux_grain_journal_entry,ux_orleansstorage",
            await QueryAsync("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'"));

        // States are compressed with lz4 where the server has it (the Debian and official builds do).
        Assert.Equal("l", await QueryAsync("SELECT attcompression::text FROM pg_attribute WHERE attrelid = 'grain_state'::regclass AND attname = 'payload'"));
    }

    [PostgresFact]
    public async Task A_database_from_a_newer_build_is_refused()
    {
        await using (var store = GroupCommitGrainStorage.CreatePostgres(ConnectionString))
        {
            await store.InitializeAsync();
        }

        await QueryAsync("INSERT INTO schema_version (version) VALUES (999)");
        await using var newer = GroupCommitGrainStorage.CreatePostgres(ConnectionString);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync());
        Assert.Contains("999", error.Message);
    }

    [PostgresFact]
    public Task A_failed_commit_fails_every_write_of_its_batch_and_leaves_none_of_them() =>
        CommitFailureScenario.RunAsync(new PostgresBackend(ConnectionString), utf8: false);

    [PostgresFact]
    public Task A_batch_the_server_rejects_commits_none_of_its_writes() =>
        CommitFailureScenario.RunServerRejectionAsync(new PostgresBackend(ConnectionString));

    private async Task<string?> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
