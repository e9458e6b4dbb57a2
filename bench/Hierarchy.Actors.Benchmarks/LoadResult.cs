using System.Diagnostics;

namespace Hierarchy.Actors.Benchmarks;

internal sealed record LoadResult(double CallsPerSecond, double BytesPerCall, long[] SortedLatencyTicks)
{
    public string Percentiles() =>
        $"p50 {Latency(0.50).TotalMicroseconds,7:N1} µs   p99 {Latency(0.99).TotalMicroseconds,7:N1} µs   p99.9 {Latency(0.999).TotalMicroseconds,7:N1} µs";

    public TimeSpan Latency(double quantile) => SortedLatencyTicks.Length == 0
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds(SortedLatencyTicks[Math.Min(SortedLatencyTicks.Length - 1, (int)(quantile * SortedLatencyTicks.Length))] / (double)Stopwatch.Frequency);
}
