using Hierarchy.Storage.Internal;
using Hierarchy.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;

namespace Hierarchy.Storage.Tests;

/// <summary>What only the SQLite store has to show: its file settings, its schema and its recovery from a failed commit.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly TempSqliteFile file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public async Task The_database_is_in_wal_mode_and_the_writer_syncs_every_commit()
    {
        await using (var store = GroupCommitGrainStorage.CreateSqlite(file.Path))
        {
            await store.WriteStateAsync("state", GrainId.Create("branch", "1"), new StoredGrainState<TestState>(new TestState()));
        }

        Assert.Equal("wal", Query(file.Path, "PRAGMA journal_mode"));

        // synchronous is a setting of the connection, so ask the writer's own.
        using var writer = SqliteConnections.OpenWriterHandle(file.Path);
        using var synchronous = new SqliteStatement(writer, "PRAGMA synchronous");
        Assert.Equal(2L, synchronous.ExecuteInt64()); // 2 = FULL
    }

    [Fact]
    public async Task The_schema_is_created_once_however_many_stores_start_at_once()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => GroupCommitGrainStorage.CreateSqlite(file.Path)).ToList();
        await Task.WhenAll(stores.Select(s => s.InitializeAsync()));
        await Task.WhenAll(stores.Select(s => s.InitializeAsync()));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await using (var again = GroupCommitGrainStorage.CreateSqlite(file.Path))
        {
            await again.InitializeAsync();
        }

        Assert.Equal("1,2,3", Query(file.Path, "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)"));
        var objects = Query(file.Path, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name)");
        // The Orleans* tables are for the stock Orleans ADO.NET provider on the same file; our store never touches them.
        Assert.Equal("OrleansQuery,OrleansStorage,grain_journal,grain_state,ix_grain_state_wake,schema_version,ux_OrleansStorage", objects);
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused()
    {
        await using (var store = GroupCommitGrainStorage.CreateSqlite(file.Path))
        {
            await store.InitializeAsync();
        }

        Query(file.Path, "INSERT INTO schema_version (version, applied_at) VALUES (999, 'later')");
        await using var newer = GroupCommitGrainStorage.CreateSqlite(file.Path);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync());
        Assert.Contains("999", error.Message);
    }

    [Fact]
    public async Task The_folder_of_a_new_database_is_created()
    {
        var nested = Path.Combine(Path.GetDirectoryName(file.Path)!, "data", "deeper", "grains.db");
        await using var store = GroupCommitGrainStorage.CreateSqlite(nested);
        await store.InitializeAsync();
        Assert.True(File.Exists(nested));
    }

    [Fact]
    public Task A_failed_commit_fails_every_write_of_its_batch_and_leaves_none_of_them() =>
        CommitFailureScenario.RunAsync(new SqliteBackend(file.Path, readConnections: 2), utf8: true);

    [Fact]
    public async Task Text_a_database_cannot_keep_is_refused_before_it_can_fail_a_batch()
    {
        await using var store = GroupCommitGrainStorage.CreateSqlite(file.Path);
        var state = new StoredGrainState<TestState>(new TestState());
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.WriteStateAndAppendAsync("state", GrainId.Create("branch", "1"), state, [new JournalEntry("a\0b", "k", "{}", DateTimeOffset.UnixEpoch)]));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.WriteStateAsync("state", GrainId.Create("branch", "bad\0key"), state));

        // Orleans encodes a grain key to UTF-8 itself and replaces a lone surrogate there, so broken UTF-16 can only
        // reach the store in the names and entries it is handed as text.
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.WriteStateAsync("bad\uD800", GrainId.Create("branch", "1"), state));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.AppendAsync("state", GrainId.Create("branch", "1"), state, [new JournalEntry("a", "bad\uD800", "{}", DateTimeOffset.UnixEpoch)]));
        Assert.Null(state.ETag);
    }

    private static string? Query(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
