namespace Hierarchy.Storage.Tests;

/// <summary>The reference store, so the shared tests are known to describe the intended semantics.</summary>
public sealed class MemoryGrainStorageConformanceTests : GrainStorageConformanceTests
{
    protected override Task<IJournalStorage> CreateStorageAsync() => Task.FromResult<IJournalStorage>(new MemoryGrainStorage());

    // The memory store lives as long as the process; "reopening" it is looking at it again.
    protected override Task<IJournalStorage> ReopenAsync() => Task.FromResult(Storage);
}
