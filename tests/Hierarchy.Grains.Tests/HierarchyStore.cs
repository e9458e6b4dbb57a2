using Hierarchy.Storage;
using Orleans.Hosting;

namespace Hierarchy.Grains.Tests;

/// <summary>
/// Where a test silo keeps its grains: in memory or in a database. One instance can serve several silos in turn, so a
/// restart over the same store recovers what the last silo made durable (memory included, for as long as the test runs).
/// </summary>
public sealed class HierarchyStore
{
    private readonly Func<Task<IJournalStorage>> openUnits;
    private readonly Action<ISiloBuilder> addScenarios;

    private HierarchyStore(Func<Task<IJournalStorage>> openUnits, Action<ISiloBuilder> addScenarios)
    {
        this.openUnits = openUnits;
        this.addScenarios = addScenarios;
    }

    public static HierarchyStore Memory()
    {
        var units = new MemoryGrainStorage();
        var scenarios = new MemoryGrainStorage();
        return new HierarchyStore(() => Task.FromResult<IJournalStorage>(units), b => b.Services.AddJournalStorage(StorageNames.Scenarios, _ => scenarios));
    }

    /// <summary>Our journal storage for units, Orleans' ADO.NET provider for scenarios, both in one SQLite file.</summary>
    public static HierarchyStore Sqlite(string path) => new(
        () => OpenAsync(GroupCommitGrainStorage.CreateSqlite(path)),
        b => b.AddOrleansAdoNetGrainStorage(StorageNames.Scenarios, AdoNetProvider.Sqlite, path));

    /// <summary>Our journal storage for units, Orleans' ADO.NET provider for scenarios, both in one PostgreSQL database.</summary>
    public static HierarchyStore Postgres(string connectionString) => new(
        () => OpenAsync(GroupCommitGrainStorage.CreatePostgres(connectionString)),
        b => b.AddOrleansAdoNetGrainStorage(StorageNames.Scenarios, AdoNetProvider.Postgres, connectionString));

    /// <summary>A fresh connection to the units' store for one silo (the silo disposes it), with its schema in place.</summary>
    internal Task<IJournalStorage> OpenUnitsAsync() => openUnits();

    internal void AddScenarios(ISiloBuilder builder) => addScenarios(builder);

    private static async Task<IJournalStorage> OpenAsync(GroupCommitGrainStorage storage)
    {
        // Wrapped (for killing) the store is no longer recognised by its registration's initializer, so it is initialized here.
        await storage.InitializeAsync();
        return storage;
    }
}
