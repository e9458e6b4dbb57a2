namespace Hierarchy.Silo.Tests.Support;

/// <summary>One silo with the test hierarchy for a whole test class, on the storage the derived fixture chooses.</summary>
public abstract class SiloFixture : IAsyncLifetime
{
    private TestSilo? silo;
    private TestHierarchy? hierarchy;

    public TestSilo Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    public TestHierarchy Hierarchy => hierarchy ?? throw new InvalidOperationException("The silo has not started.");

    public bool Started => silo is not null;

    public virtual async Task InitializeAsync()
    {
        if (await StorageAsync() is not { } storage)
        {
            return;
        }

        silo = await TestSilo.StartAsync(storage);
        hierarchy = await TestHierarchy.CreateAsync(silo);
    }

    public virtual async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    /// <summary>The storage to run on, or null when it is not available here (the tests are then skipped).</summary>
    protected abstract Task<TestStorage?> StorageAsync();
}
