using Hierarchy.Actors.Persistence;

namespace Hierarchy.Actors.AdoNet.Tests;

public sealed class SqliteGrainStorageConformanceTests : DurableGrainStorageConformanceTests
{
    private readonly TempSqliteFile file = new();

    protected override Task<IJournalStorage> CreateStorageAsync() =>
        Task.FromResult<IJournalStorage>(AdoNetGrainStorage.CreateSqlite(file.Path));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        file.Dispose();
    }
}
