using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Hierarchy.Storage.Internal;
using Hierarchy.Storage.Postgres;
using Hierarchy.Storage.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hierarchy.Storage;

/// <summary>
/// An Orleans grain storage in SQLite or PostgreSQL, with the semantics of <see cref="MemoryGrainStorage"/>:
/// exact keys (unlike Orleans' ADO.NET provider, which merges keys that read as the same hexadecimal number),
/// rows of their own for every grain type, ETag optimistic concurrency, and journal entries appended atomically
/// with the state.
/// Writes from all callers are group-committed by one writer loop (PostgreSQL can be given several, each owning
/// a share of the grains), and a write completes only once its transaction is durable. The schema is created or
/// migrated on first use, or by <see cref="InitializeAsync"/>.
/// </summary>
public sealed class GroupCommitGrainStorage : IJournalStorage, IAsyncDisposable, IDisposable
{
    private readonly IStorageBackend backend;
    private readonly Lock gate = new();
    private readonly GroupCommitQueue[] lanes;
    private Task? initialization;
    private volatile bool disposed;

    public GroupCommitGrainStorage(GroupCommitGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options.MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadConnections, 1, nameof(options.ReadConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WriterConnections, 1, nameof(options.WriterConnections));
        Provider = options.Provider;
        backend = options.Provider switch
        {
            AdoNetProvider.Sqlite => new SqliteBackend(
                string.IsNullOrWhiteSpace(options.DatabasePath) ? throw new ArgumentException("SQLite storage needs a database path.", nameof(options)) : options.DatabasePath,
                options.ReadConnections),
            AdoNetProvider.Postgres => new PostgresBackend(
                string.IsNullOrWhiteSpace(options.ConnectionString) ? throw new ArgumentException("PostgreSQL storage needs a connection string.", nameof(options)) : options.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown ADO.NET provider."),
        };
        var writers = options.Provider == AdoNetProvider.Postgres ? options.WriterConnections : 1;
        lanes = new GroupCommitQueue[writers];
        for (var i = 0; i < writers; i++)
        {
            lanes[i] = new GroupCommitQueue(backend.CreateWriter(), options.MaxBatchSize, backend.ProviderName, EnsureInitialized);
        }
    }

    /// <summary>The meter of the store's own instruments (batch sizes, time queued for a group commit).</summary>
    public const string MeterName = StorageTelemetry.MeterName;

    public AdoNetProvider Provider { get; }

    /// <summary>A store on a SQLite file, created with its folder when missing; for hosts and command-line tools alike.</summary>
    public static GroupCommitGrainStorage CreateSqlite(string databasePath) =>
        new(new GroupCommitGrainStorageOptions { Provider = AdoNetProvider.Sqlite, DatabasePath = databasePath });

    /// <summary>A store on a PostgreSQL database given by an Npgsql connection string.</summary>
    public static GroupCommitGrainStorage CreatePostgres(string connectionString) =>
        new(new GroupCommitGrainStorageOptions { Provider = AdoNetProvider.Postgres, ConnectionString = connectionString });

    /// <summary>
    /// Creates or migrates the schema now rather than on first use. Safe to call concurrently and repeatedly;
    /// after a failure (say, the server was down) the next call tries again.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return EnsureInitialized().WaitAsync(cancellationToken);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        CheckIdentity(stateName, grainId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await EnsureInitialized().ConfigureAwait(false);
            var id = Stored(grainId);
            var stored = await backend.ReadStateAsync(id.Type, stateName, id.Key, CancellationToken.None).ConfigureAwait(false);
            if (stored is { } row)
            {
                grainState.State = GrainStateSerializer.Deserialize<T>(row.Payload);
                grainState.ETag = row.ETag.ToString(CultureInfo.InvariantCulture);
                grainState.RecordExists = true;
                WakeMarks.Set(grainState, row.Wake);
            }
            else
            {
                grainState.State = GrainStateSerializer.CreateDefault<T>();
                grainState.ETag = null;
                grainState.RecordExists = false;
                WakeMarks.Set(grainState, false);
            }
        }
        finally
        {
            StorageTelemetry.RecordOperation("read", backend.ProviderName, started);
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteAsync("write", stateName, grainId, grainState, []);

    public Task WriteStateAndAppendAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, IReadOnlyList<JournalEntry> entries) =>
        WriteAsync("write_append", stateName, grainId, grainState, entries);

    public async Task AppendAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, IReadOnlyList<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        CheckEntries(stateName, grainId, entries);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var expected = ParseETag(stateName, grainId, grainState.ETag);
            var request = WriteRequest.Append(Stored(grainId), stateName, expected, grainState.ETag, WakeMarks.Of(grainState), entries);
            await LaneFor(request).EnqueueAsync(request).ConfigureAwait(false);
        }
        finally
        {
            StorageTelemetry.RecordOperation("append", backend.ProviderName, started);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        CheckIdentity(stateName, grainId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var expected = ParseETag(stateName, grainId, grainState.ETag);
            var request = WriteRequest.Clear(Stored(grainId), stateName, expected, grainState.ETag);
            await LaneFor(request).EnqueueAsync(request).ConfigureAwait(false);
            grainState.State = GrainStateSerializer.CreateDefault<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            WakeMarks.Set(grainState, false);
        }
        finally
        {
            StorageTelemetry.RecordOperation("clear", backend.ProviderName, started);
        }
    }

    public async Task<IReadOnlyList<GrainId>> ReadWakeListAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await EnsureInitialized().WaitAsync(cancellationToken).ConfigureAwait(false);
            var stored = await backend.ReadWakeListAsync(cancellationToken).ConfigureAwait(false);
            return stored.Select(ToGrainId).ToList();
        }
        finally
        {
            StorageTelemetry.RecordOperation("read_wake_list", backend.ProviderName, started);
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(GrainId grainId, string? kind = null, CancellationToken cancellationToken = default)
    {
        CheckGrainId(grainId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await EnsureInitialized().WaitAsync(cancellationToken).ConfigureAwait(false);
            return await backend.ReadJournalAsync(Stored(grainId), kind, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            StorageTelemetry.RecordOperation("read_journal", backend.ProviderName, started);
        }
    }

    public async IAsyncEnumerable<(GrainId GrainId, JournalEntry Entry)> ReadAllJournalAsync(
        string grainType,
        string? kind = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainType);
        ThrowIfDisposed();
        await EnsureInitialized().WaitAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var (grainId, entry) in backend.ReadAllJournalAsync(grainType, kind, cancellationToken).ConfigureAwait(false))
        {
            yield return (ToGrainId(grainId), entry);
        }
    }

    /// <summary>Commits the writes already queued, stops the writer loop and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        await Task.WhenAll(lanes.Select(lane => lane.DisposeAsync().AsTask())).ConfigureAwait(false);

        Task? started;
        lock (gate)
        {
            started = initialization;
        }

        if (started is not null)
        {
            try
            {
                // A migration still running (started by a read) must finish before its connections are closed.
                await started.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Whoever started it has seen the failure; closing is all that is left.
            }
        }

        await backend.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteAsync<T>(string operation, string stateName, GrainId grainId, IGrainState<T> grainState, IReadOnlyList<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        CheckEntries(stateName, grainId, entries);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var expected = ParseETag(stateName, grainId, grainState.ETag);
            var payload = backend.TakesUtf8State
                ? new StatePayload(Utf8StateSerializer.Serialize(grainState.State))
                : new StatePayload(GrainStateSerializer.Serialize(grainState.State));
            var request = WriteRequest.Write(Stored(grainId), stateName, expected, grainState.ETag, payload, WakeMarks.Of(grainState), entries);
            var etag = await LaneFor(request).EnqueueAsync(request).ConfigureAwait(false);
            grainState.ETag = etag.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        finally
        {
            StorageTelemetry.RecordOperation(operation, backend.ProviderName, started);
        }
    }

    private void CheckEntries(string stateName, GrainId grainId, IReadOnlyList<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        CheckIdentity(stateName, grainId);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            TextGuard.Check(entry.Key, "journal entry key");
            TextGuard.Check(entry.Kind, "journal entry kind");
            TextGuard.Check(entry.Payload, "journal entry payload");
        }
    }

    /// <summary>A grain's writes always take the same lane, so they are applied in the order they were made.</summary>
    private GroupCommitQueue LaneFor(WriteRequest request) => lanes.Length == 1
        ? lanes[0]
        : lanes[(uint)HashCode.Combine(request.GrainType, request.GrainKey) % (uint)lanes.Length];

    private Task EnsureInitialized()
    {
        if (initialization is { IsCompletedSuccessfully: true } done)
        {
            return done;
        }

        lock (gate)
        {
            if (initialization is null || initialization.IsFaulted || initialization.IsCanceled)
            {
                // Off the caller's thread: SQLite migrates synchronously, and nobody should wait on the lock for it.
                initialization = Task.Run(() => backend.MigrateAsync(CancellationToken.None));
            }

            return initialization;
        }
    }

    /// <summary>
    /// ETags this store issues are decimal integers. Any other text cannot match a stored record, so such a
    /// write is refused at once, exactly as a mismatch would be.
    /// </summary>
    private static long? ParseETag(string stateName, GrainId grainId, string? etag)
    {
        if (etag is null)
        {
            return null;
        }

        // Canonical digits only, so "05" does not pass for "5".
        if ((etag.Length == 1 || etag[0] != '0')
            && long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new InconsistentStateException(
            $"ETag mismatch for state '{stateName}' of {grainId}: the write carried '{etag}', which this store never issued.",
            storedEtag: null,
            currentEtag: etag);
    }

    private void CheckIdentity(string stateName, GrainId grainId)
    {
        TextGuard.Check(stateName, "state name");
        CheckGrainId(grainId);
    }

    private void CheckGrainId(GrainId grainId)
    {
        ThrowIfDisposed();
        var id = Stored(grainId);
        TextGuard.Check(id.Type, "grain type");
        TextGuard.Check(id.Key, "grain key");
    }

    /// <summary>The grain type and the key exactly as Orleans holds them: "unit/01" and "unit/1" are two rows.</summary>
    private static StoredGrainId Stored(GrainId grainId) => new(grainId.Type.ToString()!, grainId.Key.ToString()!);

    private static GrainId ToGrainId(StoredGrainId id) => GrainId.Create(id.Type, id.Key);


    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);
}
