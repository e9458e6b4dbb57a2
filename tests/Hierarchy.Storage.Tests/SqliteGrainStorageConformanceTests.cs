namespace Hierarchy.Storage.Tests;

public sealed class SqliteGrainStorageConformanceTests : DurableGrainStorageConformanceTests
{
    private readonly TempSqliteFile file = new();

    protected override Task<IJournalStorage> CreateStorageAsync() =>
        Task.FromResult<IJournalStorage>(GroupCommitGrainStorage.CreateSqlite(file.Path));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        file.Dispose();
    }
}
