using System.Data.Common;
using System.Diagnostics;
using Hierarchy.Grains.Admissions;

namespace Hierarchy.Silo.Bench;

/// <summary>
/// The floor of the database itself: the same ledger rows inserted into the journal table by one connection in
/// plain batches (one transaction each, no grains, no ETag checks), once spread over the branches as reports arrive
/// and once with each branch's rows consecutive. The journal's unique key is per branch, so the spread rows write
/// one index page per row where the consecutive ones share their pages; the two figures show how much of the ingest
/// ceiling is the index rather than the silo.
/// </summary>
public sealed class PlainInsertBenchmark(AlternativeDatabase database, string provider)
{
    private const int BatchSize = 250;
    private const int RowsPerBranchRun = 50;

    public IEnumerable<BenchResult> Run(IReadOnlyList<string> branches, int rows)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var random = new Random(7);
        var spread = Measure(rows, i => branches[random.Next(branches.Count)], today, "spread");
        var grouped = Measure(rows, i => branches[i / RowsPerBranchRun % branches.Count], today, "grouped");
        var note = $"{rows:N0} rows, {BatchSize} a transaction, one connection";
        yield return new BenchResult("ingest", $"plain INSERTs into the journal ({provider}), spread over branches", spread, "rows/s", note);
        yield return new BenchResult("ingest", $"plain INSERTs into the journal ({provider}), {RowsPerBranchRun} a branch in a row", grouped, "rows/s", note);
    }

    private double Measure(int rows, Func<int, string> branchOf, DateOnly today, string run)
    {
        using var connection = database.Open();
        var random = new Random(11);
        var payloads = new (string Branch, string Key, string Payload)[rows];
        for (var i = 0; i < rows; i++)
        {
            var branch = branchOf(i);
            var report = BenchReports.Create(i, today, random) with { IdempotencyKey = $"plain-{run}-{i}" };
            var record = new AdmissionRecord(AdmissionIds.For(branch, report.IdempotencyKey), branch, report, DateTimeOffset.UtcNow, "bench");
            var entry = LedgerKinds.ForAdmission(record);
            payloads[i] = (branch, entry.Key, entry.Payload);
        }

        var recordedAt = provider == "postgres" ? (object)DateTimeOffset.UtcNow : DateTimeOffset.UtcNow.ToString("O");
        var started = Stopwatch.StartNew();
        for (var start = 0; start < rows; start += BatchSize)
        {
            using var transaction = connection.BeginTransaction();
            var end = Math.Min(rows, start + BatchSize);
            if (connection.CanCreateBatch)
            {
                // One round trip for the whole batch, as a client of a server database would send it.
                using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                for (var i = start; i < end; i++)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = Insert("$1", "$2", "$3", "$4", "$5");
                    AddParameters(command.CreateParameter, command.Parameters, payloads[i], recordedAt, positional: true);
                    batch.BatchCommands.Add(command);
                }

                batch.ExecuteNonQuery();
            }
            else
            {
                // In process, a prepared statement stepped once per row is the batch.
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = Insert("@type", "@key", "@entry", "@payload", "@at");
                AddParameters(command.CreateParameter, command.Parameters, payloads[start], recordedAt, positional: false);
                command.Prepare();
                for (var i = start; i < end; i++)
                {
                    command.Parameters[1].Value = payloads[i].Branch;
                    command.Parameters[2].Value = payloads[i].Key;
                    command.Parameters[3].Value = payloads[i].Payload;
                    command.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }

        return rows / started.Elapsed.TotalSeconds;
    }

    private static string Insert(string type, string key, string entry, string payload, string at) =>
        $"INSERT INTO grain_journal (grain_type, grain_key, entry_key, kind, payload, recorded_at) VALUES ({type}, {key}, {entry}, 'admission', {payload}, {at})";

    private static void AddParameters(Func<DbParameter> create, DbParameterCollection parameters, (string Branch, string Key, string Payload) row, object recordedAt, bool positional)
    {
        foreach (var (name, value) in new (string, object)[] { ("type", "bench-plain"), ("key", row.Branch), ("entry", row.Key), ("payload", row.Payload), ("at", recordedAt) })
        {
            var parameter = create();
            if (!positional)
            {
                parameter.ParameterName = "@" + name;
            }

            parameter.Value = value;
            parameters.Add(parameter);
        }
    }
}
