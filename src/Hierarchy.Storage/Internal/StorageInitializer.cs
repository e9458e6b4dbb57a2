using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hierarchy.Storage.Internal;

/// <summary>
/// Creates or migrates a registered store's schema early in the silo's start, so a database that cannot be reached
/// stops the silo at start rather than at a grain's first write.
/// </summary>
internal sealed class StorageInitializer(string name, IGrainStorage storage) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(StorageInitializer)}-{name}", ServiceLifecycleStage.RuntimeInitialize, InitializeAsync);

    private Task InitializeAsync(CancellationToken cancellationToken) =>
        storage is GroupCommitGrainStorage store ? store.InitializeAsync(cancellationToken) : Task.CompletedTask;
}
