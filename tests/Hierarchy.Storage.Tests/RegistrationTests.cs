using Hierarchy.Storage.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hierarchy.Storage.Tests;

public sealed class RegistrationTests : IDisposable
{
    private const string UnusedPostgres = "Host=127.0.0.1;Username=postgres;Database=unused";

    private readonly TempSqliteFile file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public async Task A_registered_sqlite_store_is_created_at_start_and_flushed_and_closed_with_the_container()
    {
        var services = new ServiceCollection();
        services.AddSqliteJournalStorage("ledger", file.Path);
        var provider = services.BuildServiceProvider();

        // [PersistentState] finds the store as a keyed IGrainStorage, [JournaledState] as the same object.
        var storage = provider.GetRequiredKeyedService<IGrainStorage>("ledger");
        var store = Assert.IsType<GroupCommitGrainStorage>(storage);
        Assert.Equal(AdoNetProvider.Sqlite, store.Provider);
        Assert.Same(storage, provider.GetRequiredKeyedService<IJournalStorage>("ledger"));
        Assert.Same(storage, provider.GetRequiredKeyedService<IGrainStorage>("ledger"));

        // The silo's start migrates the schema, so a database that cannot be opened stops the silo at once.
        await StartSiloLifecycleAsync(provider);
        Assert.True(File.Exists(file.Path));

        var pending = store.WriteStateAsync("state", GrainId.Create("branch", "1"), new StoredGrainState<TestState>(new TestState { Count = 7 }));
        await provider.DisposeAsync();
        await pending;
        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            store.WriteStateAsync("state", GrainId.Create("branch", "2"), new StoredGrainState<TestState>(new TestState())));

        await using var reopened = GroupCommitGrainStorage.CreateSqlite(file.Path);
        var read = new StoredGrainState<TestState>(new TestState());
        await reopened.ReadStateAsync("state", GrainId.Create("branch", "1"), read);
        Assert.Equal(7, read.State.Count);
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_fails_the_silo_start()
    {
        // A file that is there but is no SQLite database: the store is built, only opening it fails.
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        await File.WriteAllTextAsync(file.Path, new string('x', 4096));
        var services = new ServiceCollection();
        services.AddSqliteJournalStorage("ledger", file.Path);
        await using var provider = services.BuildServiceProvider();

        var lifecycle = JoinSiloLifecycle(provider);
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => lifecycle.OnStart(CancellationToken.None));
    }

    [Fact]
    public void Postgres_stores_are_registered_under_their_names()
    {
        var services = new ServiceCollection();
        services
            .AddPostgresJournalStorage("pg", UnusedPostgres)
            .AddGroupCommitJournalStorage("tuned", options =>
            {
                options.Provider = AdoNetProvider.Postgres;
                options.ConnectionString = UnusedPostgres;
                options.WriterConnections = 3;
            });
        using var provider = services.BuildServiceProvider();

        // Nothing connects until the store is used or the silo starts.
        foreach (var name in new[] { "pg", "tuned" })
        {
            var storage = provider.GetRequiredKeyedService<IGrainStorage>(name);
            Assert.Equal(AdoNetProvider.Postgres, Assert.IsType<GroupCommitGrainStorage>(storage).Provider);
            Assert.Same(storage, provider.GetRequiredKeyedService<IJournalStorage>(name));
        }

        Assert.NotSame(provider.GetRequiredKeyedService<IGrainStorage>("pg"), provider.GetRequiredKeyedService<IGrainStorage>("tuned"));
    }

    [Fact]
    public async Task A_memory_store_is_one_instance_under_both_services()
    {
        var services = new ServiceCollection();
        services.AddMemoryJournalStorage("memory");
        await using var provider = services.BuildServiceProvider();

        var storage = provider.GetRequiredKeyedService<IGrainStorage>("memory");
        Assert.IsType<MemoryGrainStorage>(storage);
        var journal = provider.GetRequiredKeyedService<IJournalStorage>("memory");
        Assert.Same(storage, journal);

        // The silo's start has nothing to migrate, and what one service writes the other reads.
        await StartSiloLifecycleAsync(provider);
        var grain = GrainId.Create("branch", "1");
        await journal.WriteStateAndAppendAsync("state", grain, new StoredGrainState<TestState>(new TestState { Count = 3 }), [new JournalEntry("a", "k", "{}", DateTimeOffset.UnixEpoch)]);
        var read = new GrainState<TestState>(new TestState());
        await storage.ReadStateAsync("state", grain, read);
        Assert.NotNull(read.State);
        Assert.Equal(3, read.State.Count);
    }

    [Fact]
    public void Several_stores_share_one_journaled_state_facet()
    {
        var services = new ServiceCollection();
        services
            .AddMemoryJournalStorage("memory")
            .AddSqliteJournalStorage("ledger", file.Path)
            .AddPostgresJournalStorage("pg", UnusedPostgres);
        using var provider = services.BuildServiceProvider();

        // [JournaledState] needs its mapper once, however many stores are registered; it would be ambiguous twice.
        Assert.IsType<JournaledStateAttributeMapper>(Assert.Single(provider.GetServices<IAttributeToFactoryMapper<JournaledStateAttribute>>()));
        Assert.IsType<MemoryGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("memory"));
        Assert.Equal(AdoNetProvider.Sqlite, Assert.IsType<GroupCommitGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("ledger")).Provider);
        Assert.Equal(AdoNetProvider.Postgres, Assert.IsType<GroupCommitGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("pg")).Provider);
    }

    /// <summary>Runs the registered silo lifecycle participants through Orleans' own lifecycle, as a silo's start does.</summary>
    private static Task StartSiloLifecycleAsync(IServiceProvider provider) => JoinSiloLifecycle(provider).OnStart(CancellationToken.None);

    /// <summary>Orleans' own silo lifecycle with every registered participant subscribed, not yet started.</summary>
    private static SiloLifecycleSubject JoinSiloLifecycle(IServiceProvider provider)
    {
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        foreach (var participant in provider.GetServices<ILifecycleParticipant<ISiloLifecycle>>())
        {
            participant.Participate(lifecycle);
        }

        return lifecycle;
    }
}
