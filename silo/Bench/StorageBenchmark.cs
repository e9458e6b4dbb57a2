using System.Diagnostics;
using Orleans;
using Orleans.Runtime;
using Hierarchy.Storage;
using Orleans.Storage;
using Hierarchy.Grains.Admissions;

namespace Hierarchy.Silo.Bench;

/// <summary>
/// The ceiling under the ingest figure: the same ledger rows appended straight to the grain storage, one per call, by
/// the same number of callers, each with its ETag check and wake mark, but with no grains, messages or rollup. What
/// this sustains is what the storage alone costs on the machine; the gap to the ingest figure is the grains' share.
/// </summary>
public sealed class StorageBenchmark(IJournalStorage storage)
{
    // Records of their own type, so the unit grains, their ledgers and the read comparison never see these rows.
    private const string GrainType = "bench-ledger";
    private const string StateName = "state";

    public async Task<BenchResult> RunAsync(IReadOnlyList<string> branches, int appends, int concurrency, string provider)
    {
        var records = new StoredGrainState<LedgerOwner>[branches.Count];
        var ids = new GrainId[branches.Count];
        for (var i = 0; i < branches.Count; i++)
        {
            records[i] = new StoredGrainState<LedgerOwner>(new LedgerOwner(branches[i]));
            ids[i] = GrainId.Create(GrainType, branches[i]);
        }

        await ForEachAsync(branches.Count, concurrency, (i, _) => storage.WriteStateAsync(StateName, ids[i], records[i]));

        var today = DateOnly.FromDateTime(DateTime.Now);
        var started = Stopwatch.StartNew();
        using (var probe = new StorageProbe())
        {
            await ForEachAsync(appends, concurrency, (i, random) =>
            {
                var branch = random.Next(records.Length);
                var report = BenchReports.Create(i, today, random);
                var record = new AdmissionRecord(AdmissionIds.For(branches[branch], report.IdempotencyKey), branches[branch], report, DateTimeOffset.UtcNow, "bench");
                records[branch].WakeOnStart = true;
                return storage.AppendAsync(StateName, ids[branch], records[branch], [LedgerKinds.ForAdmission(record)]);
            });

            var elapsed = started.Elapsed;
            var busy = probe.CommitTime / elapsed;

            // Leave no record marked to wake: a silo started later on this database would try to wake them.
            await ForEachAsync(records.Length, concurrency, (i, _) =>
            {
                records[i].WakeOnStart = false;
                return storage.WriteStateAsync(StateName, ids[i], records[i]);
            });

            return new BenchResult("ingest", $"durable ledger appends/s ({provider}, storage alone)", appends / elapsed.TotalSeconds, "appends/s",
                $"{appends:N0} appends, {concurrency} concurrent callers, {branches.Count:N0} records; writer busy {busy:P0}");
        }
    }

    private static async Task ForEachAsync(int count, int concurrency, Func<int, Random, Task> body)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await body(i, random);
            }
        })));
    }

    /// <summary>The small state each ledger owner keeps, as a branch's record does.</summary>
    private sealed record LedgerOwner(string BranchId);
}
