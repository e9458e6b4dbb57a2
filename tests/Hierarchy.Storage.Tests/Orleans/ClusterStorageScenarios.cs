using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Storage;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>
/// What grains see of their state through a real cluster, on our store and on Orleans' stock ADO.NET provider. The
/// same scenarios run on SQLite and PostgreSQL (<see cref="SqliteClusterStorageTests"/>, <see cref="PostgresClusterStorageTests"/>).
/// </summary>
public static class ClusterStorageScenarios
{
    // Orleans reads each group as the same hexadecimal number; only exact string comparison keeps them apart.
    private static readonly string[] HexLikeKeys = ["01", "1", "001", "0777", "777", "0a", "0A"];

    public static async Task Our_store_keeps_string_keys_that_read_as_one_number_apart(IClusterDatabase database)
    {
        var serviceId = NewServiceId();
        var cluster = await TestClusters.StartAsync(serviceId, database.AddJournalStorage);
        try
        {
            for (var i = 0; i < HexLikeKeys.Length; i++)
            {
                Assert.Equal(i + 1, await cluster.Client.GetGrain<ICounterGrain>(HexLikeKeys[i]).Add(i + 1));
            }
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }

        cluster = await TestClusters.StartAsync(serviceId, database.AddJournalStorage);
        try
        {
            for (var i = 0; i < HexLikeKeys.Length; i++)
            {
                Assert.Equal(i + 1, await cluster.Client.GetGrain<ICounterGrain>(HexLikeKeys[i]).Get());
            }
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }
    }

    public static async Task Our_store_keeps_grain_types_with_one_state_name_and_key_apart(IClusterDatabase database)
    {
        var serviceId = NewServiceId();
        var cluster = await TestClusters.StartAsync(serviceId, database.AddJournalStorage);
        try
        {
            Assert.Equal(5, await cluster.Client.GetGrain<ICounterGrain>("shared").Add(5));
            Assert.Equal(70, await cluster.Client.GetGrain<IOtherCounterGrain>("shared").Add(70));
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }

        cluster = await TestClusters.StartAsync(serviceId, database.AddJournalStorage);
        try
        {
            Assert.Equal(5, await cluster.Client.GetGrain<ICounterGrain>("shared").Get());
            Assert.Equal(70, await cluster.Client.GetGrain<IOtherCounterGrain>("shared").Get());
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }
    }

    public static async Task Stock_provider_keeps_a_guid_grains_state_across_a_restart(IClusterDatabase database)
    {
        var serviceId = NewServiceId();
        var key = Guid.NewGuid();
        // Only the stock provider is registered: its schema must come from our migrations all the same.
        var cluster = await TestClusters.StartAsync(serviceId, silo => database.AddStockStorage(silo));
        try
        {
            var grain = cluster.Client.GetGrain<IStockGuidCounterGrain>(key);
            Assert.Equal(3, await grain.Add(3));
            Assert.Equal(7, await grain.Add(4));
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }

        // Plain System.Text.Json, not Newtonsoft's with $type names.
        Assert.Equal(["{\"Value\":7}"], await database.ReadStockPayloadsAsync());

        cluster = await TestClusters.StartAsync(serviceId, silo => database.AddStockStorage(silo));
        try
        {
            var grain = cluster.Client.GetGrain<IStockGuidCounterGrain>(key);
            Assert.Equal(7, await grain.Get());
            Assert.Equal(8, await grain.Add(1));
            Assert.Equal(0, await cluster.Client.GetGrain<IStockGuidCounterGrain>(Guid.NewGuid()).Get());
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }

        Assert.Equal(1, await database.CountStockRowsAsync());
    }

    public static async Task Stock_provider_refuses_a_stale_write(IClusterDatabase database)
    {
        var cluster = await TestClusters.StartAsync(NewServiceId(), silo => database.AddStockStorage(silo));
        try
        {
            var grain = cluster.Client.GetGrain<IStockGuidCounterGrain>(Guid.NewGuid());
            Assert.Equal(2, await grain.Add(2));

            // Another writer moves the row on; the grain still holds the version it read.
            await database.BumpStockVersionsAsync();
            await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Add(5));

            // Orleans deactivates a grain whose write was refused; the next activation reads what is stored.
            Assert.Equal(2, await grain.Get());
            Assert.Equal(3, await grain.Add(1));
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }
    }

    public static async Task Stock_provider_refuses_a_first_write_over_an_existing_row(IClusterDatabase database)
    {
        var cluster = await TestClusters.StartAsync(NewServiceId(), silo => database.AddStockStorage(silo));
        try
        {
            var services = cluster.Silos[0].ServiceProvider;
            var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Stock);
            var grainId = cluster.Client.GetGrain<IStockGuidCounterGrain>(Guid.NewGuid()).GetGrainId();

            var first = new GrainState<CounterState>(new CounterState { Value = 1 });
            await storage.WriteStateAsync(StorageNames.State, grainId, first);
            Assert.Equal("1", first.ETag);

            // A second activation that never read the row, and so holds no version, must not overwrite it.
            var blind = new GrainState<CounterState>(new CounterState { Value = 9 });
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StorageNames.State, grainId, blind));

            var stale = new GrainState<CounterState>(new CounterState { Value = 9 }) { ETag = "1" };
            await storage.WriteStateAsync(StorageNames.State, grainId, first);
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StorageNames.State, grainId, stale));

            var read = new GrainState<CounterState>();
            await storage.ReadStateAsync(StorageNames.State, grainId, read);
            Assert.Equal(("2", true, 1), (read.ETag, read.RecordExists, read.State!.Value));

            // Cleared, the row keeps counting its version, so a write with the old version is still refused.
            await storage.ClearStateAsync(StorageNames.State, grainId, read);
            Assert.Equal(("3", false), (read.ETag, read.RecordExists));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StorageNames.State, grainId, first));
            var afterClear = new GrainState<CounterState>();
            await storage.ReadStateAsync(StorageNames.State, grainId, afterClear);
            Assert.Equal(("3", false, 0), (afterClear.ETag, afterClear.RecordExists, afterClear.State!.Value));
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }
    }

    public static async Task Stock_provider_deletes_the_row_on_clear_when_asked_to(IClusterDatabase database)
    {
        var cluster = await TestClusters.StartAsync(
            NewServiceId(), silo => database.AddStockStorage(silo, options => options.DeleteStateOnClear = true));
        try
        {
            var storage = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Stock);
            var grainId = cluster.Client.GetGrain<IStockGuidCounterGrain>(Guid.NewGuid()).GetGrainId();
            var state = new GrainState<CounterState>(new CounterState { Value = 1 });
            await storage.WriteStateAsync(StorageNames.State, grainId, state);
            var stale = new GrainState<CounterState>(new CounterState()) { ETag = state.ETag };
            await storage.WriteStateAsync(StorageNames.State, grainId, state);

            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StorageNames.State, grainId, stale));
            Assert.Equal(1, await database.CountStockRowsAsync());

            await storage.ClearStateAsync(StorageNames.State, grainId, state);
            Assert.Equal((null, false), (state.ETag, state.RecordExists));
            Assert.Equal(0, await database.CountStockRowsAsync());

            // Deleted, the grain starts over as one never written.
            await storage.WriteStateAsync(StorageNames.State, grainId, state);
            Assert.Equal("1", state.ETag);
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }
    }

    /// <summary>
    /// Known defect of the stock provider, kept as a test so a fix upstream is noticed (dotnet/orleans#9706): it reads
    /// a string key that parses as hexadecimal as an integer key, so such keys share one row. This is why units are on
    /// our store. Keys that do not parse as hexadecimal are compared exactly by our schema.
    /// </summary>
    public static async Task Stock_provider_merges_string_keys_that_read_as_one_number(IClusterDatabase database)
    {
        var cluster = await TestClusters.StartAsync(NewServiceId(), silo => database.AddStockStorage(silo));
        try
        {
            var client = cluster.Client;
            Assert.Equal(1, await client.GetGrain<IStockStringCounterGrain>("1").Add(1));
            Assert.Equal(1, await client.GetGrain<IStockStringCounterGrain>("01").Get());
            Assert.Equal(1, await client.GetGrain<IStockStringCounterGrain>("001").Get());
            Assert.Equal(10, await client.GetGrain<IStockStringCounterGrain>("0a").Add(10));
            Assert.Equal(10, await client.GetGrain<IStockStringCounterGrain>("0A").Get());
            Assert.Equal(20, await client.GetGrain<IStockStringCounterGrain>("777").Add(20));
            Assert.Equal(20, await client.GetGrain<IStockStringCounterGrain>("0777").Get());

            Assert.Equal(30, await client.GetGrain<IStockStringCounterGrain>("zz").Add(30));
            Assert.Equal(0, await client.GetGrain<IStockStringCounterGrain>("ZZ").Get());
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }

        Assert.Equal(4, await database.CountStockRowsAsync());
    }

    /// <summary>
    /// Known defect of the stock provider (dotnet/orleans#8746): it is handed the state name where its schema says grain
    /// type, so two grain types with the same state name and key share one row.
    /// </summary>
    public static async Task Stock_provider_shares_a_row_between_grain_types_with_one_state_name(IClusterDatabase database)
    {
        var cluster = await TestClusters.StartAsync(NewServiceId(), silo => database.AddStockStorage(silo));
        try
        {
            var key = Guid.NewGuid();
            Assert.Equal(4, await cluster.Client.GetGrain<IStockGuidCounterGrain>(key).Add(4));
            Assert.Equal(4, await cluster.Client.GetGrain<IOtherStockGuidCounterGrain>(key).Get());
        }
        finally
        {
            await TestClusters.StopAsync(cluster);
        }

        Assert.Equal(1, await database.CountStockRowsAsync());
    }

    private static string NewServiceId() => "storage-tests-" + Guid.NewGuid().ToString("N");
}
