using Hierarchy.Storage;

namespace Hierarchy.Storage.Internal;

/// <summary>What differs between SQLite and PostgreSQL: the schema migration, the batch writer and the reads.</summary>
internal interface IStorageBackend : IAsyncDisposable
{
    /// <summary>The provider tag used in telemetry ("sqlite", "postgres").</summary>
    string ProviderName { get; }

    /// <summary>Whether the writer takes grain state as UTF-8 (<see cref="StatePayload.Utf8"/>) rather than as a string.</summary>
    bool TakesUtf8State { get; }

    Task MigrateAsync(CancellationToken cancellationToken);

    IBatchWriter CreateWriter();

    Task<StoredState?> ReadStateAsync(string grainType, string stateName, string grainKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(StoredGrainId grainId, string? kind, CancellationToken cancellationToken);

    IAsyncEnumerable<(StoredGrainId GrainId, JournalEntry Entry)> ReadAllJournalAsync(string grainType, string? kind, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredGrainId>> ReadWakeListAsync(CancellationToken cancellationToken);
}
