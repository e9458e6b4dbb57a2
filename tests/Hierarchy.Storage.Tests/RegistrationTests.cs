using Hierarchy.Actors.Hosting;
using Hierarchy.Actors.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hierarchy.Storage.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly TempSqliteFile file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public async Task A_registered_sqlite_store_is_created_at_start_and_flushed_and_closed_with_the_container()
    {
        var services = new ServiceCollection();
        new ActorsBuilder(services).AddSqliteGrainStorage("ledger", file.Path);
        var provider = services.BuildServiceProvider();

        var storage = provider.GetRequiredKeyedService<IGrainStorage>("ledger");
        var store = Assert.IsType<GroupCommitGrainStorage>(storage);
        Assert.Equal(AdoNetProvider.Sqlite, store.Provider);
        Assert.Same(storage, provider.GetRequiredKeyedService<IGrainStorage>("ledger"));

        // The host starts the schema migration, so a database that cannot be opened stops the silo at once.
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.True(File.Exists(file.Path));

        var pending = store.WriteStateAsync("state", new GrainId("branch", "1"), new GrainState<TestState>(new TestState { Count = 7 }));
        await provider.DisposeAsync();
        await pending;
        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            store.WriteStateAsync("state", new GrainId("branch", "2"), new GrainState<TestState>(new TestState())));

        await using var reopened = GroupCommitGrainStorage.CreateSqlite(file.Path);
        var read = new GrainState<TestState>(new TestState());
        await reopened.ReadStateAsync("state", new GrainId("branch", "1"), read);
        Assert.Equal(7, read.State.Count);
    }

    [Fact]
    public void A_postgres_store_is_registered_under_its_name()
    {
        var services = new ServiceCollection();
        new ActorsBuilder(services)
            .AddPostgresGrainStorage("pg", "Host=127.0.0.1;Username=postgres;Database=unused")
            .AddAdoNetGrainStorage("tuned", options =>
            {
                options.Provider = AdoNetProvider.Postgres;
                options.ConnectionString = "Host=127.0.0.1;Username=postgres;Database=unused";
                options.WriterConnections = 3;
            });
        using var provider = services.BuildServiceProvider();

        // Nothing connects until the store is used or the host starts.
        Assert.Equal(AdoNetProvider.Postgres, Assert.IsType<GroupCommitGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("pg")).Provider);
        Assert.Equal(AdoNetProvider.Postgres, Assert.IsType<GroupCommitGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("tuned")).Provider);
    }
}
