using Orleans;
using Orleans.Runtime;
using Hierarchy.Grains;
using Hierarchy.Storage;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Storage;

/// <summary>
/// The silo's own records — users, the database's mode, the serving lease — kept in the grain store beside the grains
/// under grain types no grain class uses. They are read straight from storage, never cached in an activation, so a
/// change made by another process (a token revoked from the command line while the server runs) is seen at once.
/// </summary>
public sealed class SiloRecords(IServiceProvider services)
{
    public const string StateName = "silo";

    private IJournalStorage Storage => services.GetRequiredKeyedService<IJournalStorage>(StorageNames.Units);

    public async Task<StoredGrainState<T>> ReadAsync<T>(GrainId id)
    {
        var state = new StoredGrainState<T>(GrainStateSerializer.CreateDefault<T>());
        await Storage.ReadStateAsync(StateName, id, state).ConfigureAwait(false);
        return state;
    }

    /// <summary>Writes with the ETag check; throws <see cref="InconsistentStateException"/> when someone wrote in between.</summary>
    public Task WriteAsync<T>(GrainId id, StoredGrainState<T> state) => Storage.WriteStateAsync(StateName, id, state);

    /// <summary>Writes the record and appends journal rows atomically.</summary>
    public Task WriteAndAppendAsync<T>(GrainId id, StoredGrainState<T> state, IReadOnlyList<JournalEntry> entries) =>
        Storage.WriteStateAndAppendAsync(StateName, id, state, entries);

    public Task ClearAsync<T>(GrainId id, StoredGrainState<T> state) => Storage.ClearStateAsync(StateName, id, state);

    public IAsyncEnumerable<(GrainId GrainId, JournalEntry Entry)> ReadAllJournalAsync(string grainType, string? kind, CancellationToken cancellationToken) =>
        Storage.ReadAllJournalAsync(grainType, kind, cancellationToken);
}
