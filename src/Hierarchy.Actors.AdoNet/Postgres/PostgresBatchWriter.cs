using System.Runtime.InteropServices;
using Hierarchy.Actors.AdoNet.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Hierarchy.Actors.AdoNet.Postgres;

/// <summary>
/// Applies a batch in one transaction on a dedicated connection. Writes go to the server as arrays in one
/// prepared statement (write_batch.sql) that checks and applies each of them, so a batch of thousands costs
/// a round trip or two instead of thousands. Writes that touch the same grain are split into successive
/// rounds, because one statement sees the data as it was when the statement began. Writes are only collected
/// as they are added; the statements run at commit.
/// </summary>
internal sealed class PostgresBatchWriter(NpgsqlDataSource dataSource) : IBatchWriter
{
    private const short OpWrite = 0;
    private const short OpClear = 1;
    private const short OpCheckOnly = 2;

    private readonly List<WriteRequest> pending = [];
    private NpgsqlConnection? connection;
    private NpgsqlCommand? command;
    private NpgsqlTransaction? transaction;

    public async ValueTask BeginAsync(CancellationToken cancellationToken)
    {
        try
        {
            var writeBatch = await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            transaction = await connection!.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            writeBatch.Transaction = transaction;
            pending.Clear();
        }
        catch
        {
            await CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Only collects the write: the whole batch goes to the server in one statement per round at commit.</summary>
    public ValueTask AddAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        pending.Add(request);
        return ValueTask.CompletedTask;
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var round in SplitIntoRounds(pending))
        {
            await RunRoundAsync(command!, round, cancellationToken).ConfigureAwait(false);
        }

        await transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
        await transaction.DisposeAsync().ConfigureAwait(false);
        transaction = null;
        pending.Clear();
    }

    /// <summary>A failed statement or commit may leave the connection mid-protocol; the next batch opens a new one.</summary>
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

    private static async Task RunRoundAsync(NpgsqlCommand writeBatch, List<WriteRequest> round, CancellationToken cancellationToken)
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
                : request.Operation == WriteOperation.Clear ? OpClear
                : OpWrite;
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

        var p = writeBatch.Parameters;
        p["w_idx"].Value = index;
        p["w_op"].Value = op;
        p["w_type"].Value = types;
        p["w_name"].Value = names;
        p["w_key"].Value = keys;
        p["w_expected"].Value = expected;
        p["w_etag"].Value = etags;
        p["w_payload"].Value = payloads;
        p["w_wake"].Value = wakes;
        p["e_idx"].Value = entryIndex;
        p["e_type"].Value = entryTypes;
        p["e_grain"].Value = entryGrains;
        p["e_key"].Value = entryKeys;
        p["e_kind"].Value = entryKinds;
        p["e_payload"].Value = entryPayloads;
        p["e_recorded_at"].Value = entryTimes;

        await using var reader = await writeBatch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task<NpgsqlCommand> EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (command is not null)
        {
            return command;
        }

        connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var prepared = new NpgsqlCommand(SqlScripts.Get(SqlScripts.Postgres, "write_batch"), connection);
        var parameters = prepared.Parameters;
        parameters.Add("w_idx", NpgsqlDbType.Array | NpgsqlDbType.Integer);
        parameters.Add("w_op", NpgsqlDbType.Array | NpgsqlDbType.Smallint);
        parameters.Add("w_type", NpgsqlDbType.Array | NpgsqlDbType.Text);
        parameters.Add("w_name", NpgsqlDbType.Array | NpgsqlDbType.Text);
        parameters.Add("w_key", NpgsqlDbType.Array | NpgsqlDbType.Text);
        parameters.Add("w_expected", NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        parameters.Add("w_etag", NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        parameters.Add("w_payload", NpgsqlDbType.Array | NpgsqlDbType.Text);
        parameters.Add("w_wake", NpgsqlDbType.Array | NpgsqlDbType.Boolean);
        parameters.Add("e_idx", NpgsqlDbType.Array | NpgsqlDbType.Integer);
        parameters.Add("e_type", NpgsqlDbType.Array | NpgsqlDbType.Text);
        parameters.Add("e_grain", NpgsqlDbType.Array | NpgsqlDbType.Text);
        parameters.Add("e_key", NpgsqlDbType.Array | NpgsqlDbType.Text);
        parameters.Add("e_kind", NpgsqlDbType.Array | NpgsqlDbType.Text);
        parameters.Add("e_payload", NpgsqlDbType.Array | NpgsqlDbType.Text);
        parameters.Add("e_recorded_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
        await prepared.PrepareAsync(cancellationToken).ConfigureAwait(false);
        command = prepared;
        return prepared;
    }

    private async ValueTask CloseAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            transaction = null;
        }

        if (command is not null)
        {
            await command.DisposeAsync().ConfigureAwait(false);
            command = null;
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = null;
        }
    }
}
