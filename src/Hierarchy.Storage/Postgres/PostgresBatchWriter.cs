using System.Runtime.InteropServices;
using Hierarchy.Storage.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Hierarchy.Storage.Postgres;

/// <summary>
/// Applies a batch in one transaction on a dedicated connection. Writes go to the server as arrays in a statement
/// (write_batch.sql) that checks and applies each of them, and the whole transaction (BEGIN, the statements,
/// COMMIT) travels as one pipelined batch, so a commit of thousands of writes costs a single round trip. Writes
/// that touch the same grain are split into successive rounds, one statement each, because a statement sees
/// the data as it was when it began. Writes are only collected as they are added; everything runs at commit.
/// </summary>
internal sealed class PostgresBatchWriter(NpgsqlDataSource dataSource) : IBatchWriter
{
    private const short OpWrite = 0;
    private const short OpClear = 1;
    private const short OpCheckOnly = 2;
    private const short OpAppend = 3;
    private const int ResultColumns = 5;

    private readonly List<WriteRequest> pending = [];
    private NpgsqlConnection? connection;

    public async ValueTask BeginAsync(CancellationToken cancellationToken)
    {
        pending.Clear();
        if (connection is not null)
        {
            return;
        }

        var opened = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var session = new NpgsqlCommand(SqlScripts.Get(SqlScripts.Postgres, "writer_session"), opened);
            await session.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await opened.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        connection = opened;
    }

    /// <summary>Only collects the write: the whole batch goes to the server at commit.</summary>
    public ValueTask AddAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        pending.Add(request);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Sends BEGIN, one statement per round and COMMIT together. If a statement fails, the server skips the rest
    /// and the transaction is left aborted, never committed; the queue then calls <see cref="AbortAsync"/>.
    /// The results are read to the end, so the COMMIT's own outcome is known before this returns.
    /// </summary>
    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        var rounds = SplitIntoRounds(pending);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        foreach (var round in rounds)
        {
            batch.BatchCommands.Add(CreateRound(round));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));

        var next = 0;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            do
            {
                if (reader.FieldCount == ResultColumns)
                {
                    await ReadOutcomesAsync(reader, rounds[next++], cancellationToken).ConfigureAwait(false);
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }

        if (next != rounds.Count)
        {
            throw new InvalidOperationException($"PostgreSQL answered {next} of the batch's {rounds.Count} rounds.");
        }

        pending.Clear();
    }

    /// <summary>A failed batch leaves the connection in an aborted transaction; the next batch opens a new one.</summary>
    public async ValueTask AbortAsync()
    {
        pending.Clear();
        await CloseAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => CloseAsync();

    /// <summary>Round n holds the n-th write of each grain in the batch, in queue order; usually there is one round.</summary>
    private static List<List<WriteRequest>> SplitIntoRounds(IReadOnlyList<WriteRequest> batch)
    {
        var rounds = new List<List<WriteRequest>>();
        var nextRound = new Dictionary<(string, string), int>(batch.Count);
        foreach (var request in batch)
        {
            ref var round = ref CollectionsMarshal.GetValueRefOrAddDefault(nextRound, (request.GrainType, request.GrainKey), out _);
            if (round == rounds.Count)
            {
                rounds.Add(new List<WriteRequest>(round == 0 ? batch.Count : 4));
            }

            rounds[round].Add(request);
            round++;
        }

        return rounds;
    }

    /// <summary>One round as a statement: the writes and their entries as parallel arrays, one element per row.</summary>
    private static NpgsqlBatchCommand CreateRound(List<WriteRequest> round)
    {
        var count = round.Count;
        var entryCount = 0;
        foreach (var request in round)
        {
            entryCount += request.Entries.Count;
        }

        var index = new int[count];
        var op = new short[count];
        var types = new string[count];
        var names = new string[count];
        var keys = new string[count];
        var expected = new long?[count];
        var etags = new long[count];
        var payloads = new string?[count];
        var wakes = new bool[count];
        var entryIndex = new int[entryCount];
        var entryTypes = new string[entryCount];
        var entryGrains = new string[entryCount];
        var entryKeys = new string[entryCount];
        var entryKinds = new string[entryCount];
        var entryPayloads = new string[entryCount];
        var entryTimes = new DateTime[entryCount];

        var e = 0;
        for (var i = 0; i < count; i++)
        {
            var request = round[i];
            index[i] = i;
            op[i] = request.RepeatedEntryKey is not null ? OpCheckOnly
                : request.Operation switch
                {
                    WriteOperation.Clear => OpClear,
                    WriteOperation.Append => OpAppend,
                    _ => OpWrite,
                };
            types[i] = request.GrainType;
            names[i] = request.StateName;
            keys[i] = request.GrainKey;
            expected[i] = request.ExpectedETag;
            etags[i] = request.NewETag;
            payloads[i] = request.Payload.Text;
            wakes[i] = request.Wake;
            foreach (var entry in request.Entries)
            {
                entryIndex[e] = i;
                entryTypes[e] = request.GrainType;
                entryGrains[e] = request.GrainKey;
                entryKeys[e] = entry.Key;
                entryKinds[e] = entry.Kind;
                entryPayloads[e] = entry.Payload;
                entryTimes[e] = entry.RecordedAt.UtcDateTime;
                e++;
            }
        }

        var command = new NpgsqlBatchCommand(SqlScripts.Get(SqlScripts.Postgres, "write_batch"));
        var p = command.Parameters;
        p.Add(ArrayParameter("w_idx", NpgsqlDbType.Integer, index));
        p.Add(ArrayParameter("w_op", NpgsqlDbType.Smallint, op));
        p.Add(ArrayParameter("w_type", NpgsqlDbType.Text, types));
        p.Add(ArrayParameter("w_name", NpgsqlDbType.Text, names));
        p.Add(ArrayParameter("w_key", NpgsqlDbType.Text, keys));
        p.Add(ArrayParameter("w_expected", NpgsqlDbType.Bigint, expected));
        p.Add(ArrayParameter("w_etag", NpgsqlDbType.Bigint, etags));
        p.Add(ArrayParameter("w_payload", NpgsqlDbType.Text, payloads));
        p.Add(ArrayParameter("w_wake", NpgsqlDbType.Boolean, wakes));
        p.Add(ArrayParameter("e_idx", NpgsqlDbType.Integer, entryIndex));
        p.Add(ArrayParameter("e_type", NpgsqlDbType.Text, entryTypes));
        p.Add(ArrayParameter("e_grain", NpgsqlDbType.Text, entryGrains));
        p.Add(ArrayParameter("e_key", NpgsqlDbType.Text, entryKeys));
        p.Add(ArrayParameter("e_kind", NpgsqlDbType.Text, entryKinds));
        p.Add(ArrayParameter("e_payload", NpgsqlDbType.Text, entryPayloads));
        p.Add(ArrayParameter("e_recorded_at", NpgsqlDbType.TimestampTz, entryTimes));
        return command;
    }

    private static NpgsqlParameter ArrayParameter(string name, NpgsqlDbType elementType, object values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values };

    /// <summary>Records each write's outcome from its round's result rows: idx, applied, stored ETag, present, duplicate key.</summary>
    private static async Task ReadOutcomesAsync(NpgsqlDataReader reader, List<WriteRequest> round, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var request = round[reader.GetInt32(0)];
            var applied = reader.GetBoolean(1);
            long? stored = reader.IsDBNull(2) ? null : reader.GetInt64(2);
            var duplicateKey = reader.IsDBNull(4) ? null : reader.GetString(4);
            if (applied)
            {
                request.MarkApplied();
            }
            else if (!request.ETagMatches(stored))
            {
                request.MarkStale(stored);
            }
            else if (duplicateKey is not null || request.RepeatedEntryKey is not null)
            {
                request.MarkDuplicate(duplicateKey ?? request.RepeatedEntryKey!);
            }
            else
            {
                // The check passed against the statement's snapshot, but another process changed the row first.
                request.MarkStale(stored);
            }
        }
    }

    private async ValueTask CloseAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = null;
        }
    }
}
