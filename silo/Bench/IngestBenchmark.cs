using System.Collections.Concurrent;
using System.Diagnostics;
using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Silo.Bench;

/// <summary>
/// Durable admission reports through the grains: at full speed from many concurrent callers, then at half that rate,
/// with the delay from each report's acknowledgement to its arrival at the province.
/// </summary>
public sealed class IngestBenchmark(HierarchyService hierarchy, HierarchyTelemetry telemetry)
{
    private int sequence;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IReadOnlyList<string> branches, int reports, int concurrency, TimeSpan fixedRateDuration, string storage)
    {
        var results = new List<BenchResult>();
        var delays = new ConcurrentBag<double>();
        void OnArrival(TimeSpan delay) => delays.Add(delay.TotalMilliseconds);
        telemetry.ProvinceReached += OnArrival;
        try
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            var latencies = new ConcurrentBag<double>();
            var started = Stopwatch.StartNew();
            using (var probe = new StorageProbe())
            {
                await RunLoadAsync(branches, reports, concurrency, today, latencies, null);
                var busy = probe.CommitTime / started.Elapsed;
                results.Add(new BenchResult("ingest", "storage writes per report (full speed)", probe.Writes / (double)reports, "writes", $"{probe.Batches:N0} group commits, {probe.Writes / (double)Math.Max(1, probe.Batches):N0} writes each, writer busy {busy:P0}"));
            }

            var elapsed = started.Elapsed;
            var peak = reports / elapsed.TotalSeconds;
            var delay = Percentiles.Of(delays);
            results.Add(new BenchResult("ingest", $"durable reports/s ({storage}, grains, full speed)", peak, "reports/s", $"{reports:N0} reports, {concurrency} concurrent callers, {branches.Count:N0} branches"));
            results.Add(new BenchResult("ingest", "report-to-province delay p50 (full speed)", delay.P50, "ms", $"{delay.Count:N0} province arrivals"));
            results.Add(new BenchResult("ingest", "report-to-province delay p99 (full speed)", delay.P99, "ms"));
            results.Add(new BenchResult("ingest", "report-to-province delay max (full speed)", delay.Max, "ms"));

            await Task.Delay(1000);
            delays.Clear();
            var rate = Math.Max(1, peak / 2);
            var count = (int)(rate * fixedRateDuration.TotalSeconds);
            latencies.Clear();
            var pausedBefore = GC.GetTotalPauseDuration();
            var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            await RunLoadAsync(branches, count, concurrency, today, latencies, rate);
            var paused = GC.GetTotalPauseDuration() - pausedBefore;
            var collections = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();
            var fixedDelay = Percentiles.Of(delays);
            var ack = Percentiles.Of(latencies);
            results.Add(new BenchResult("ingest", "fixed rate (half the peak)", rate, "reports/s", $"{count:N0} reports over {fixedRateDuration.TotalSeconds:N0} s"));
            results.Add(new BenchResult("ingest", "report-to-province delay p50 (half rate)", fixedDelay.P50, "ms", $"{fixedDelay.Count:N0} province arrivals"));
            results.Add(new BenchResult("ingest", "report-to-province delay p99 (half rate)", fixedDelay.P99, "ms"));
            results.Add(new BenchResult("ingest", "report-to-province delay max (half rate)", fixedDelay.Max, "ms"));
            results.Add(new BenchResult("ingest", "acknowledgement latency p50 (half rate)", ack.P50, "ms"));
            results.Add(new BenchResult("ingest", "acknowledgement latency p99 (half rate)", ack.P99, "ms"));
            results.Add(new BenchResult("ingest", "garbage-collection pauses (half rate)", paused.TotalMilliseconds, "ms", $"gen0 {collections[0]}, gen1 {collections[1]}, gen2 {collections[2]} collections in {fixedRateDuration.TotalSeconds:N0} s"));
        }
        finally
        {
            telemetry.ProvinceReached -= OnArrival;
        }

        return results;
    }

    private async Task RunLoadAsync(IReadOnlyList<string> branches, int count, int concurrency, DateOnly today, ConcurrentBag<double> latencies, double? rate)
    {
        var units = branches.Select(hierarchy.Unit).ToArray();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (rate is { } perSecond)
                {
                    var due = TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed;
                    if (due > TimeSpan.FromMilliseconds(1))
                    {
                        await Task.Delay(due);
                    }
                }

                var report = BenchReports.Create(Interlocked.Increment(ref sequence), today, random);
                var sent = Stopwatch.GetTimestamp();
                var result = await units[random.Next(units.Length)].ReportAdmissionAsync(report, "bench");
                if (result.Outcome != AdmissionOutcome.Created)
                {
                    throw new InvalidOperationException($"A bench report was not recorded: {result.Outcome}.");
                }

                if (rate is not null)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            }
        })));
    }
}
