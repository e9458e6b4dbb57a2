namespace Hierarchy.Silo.Tests.Support;

public sealed class SqliteSiloFixture : SiloFixture
{
    protected override Task<TestStorage?> StorageAsync() => Task.FromResult<TestStorage?>(TestStorage.Sqlite(TestStorage.NewSqlitePath()));
}
