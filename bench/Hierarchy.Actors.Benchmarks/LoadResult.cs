using System.Diagnostics;

namespace Hierarchy.Actors.Benchmarks;

internal sealed record LoadResult(double CallsPerSecond, double BytesPerCall, long[] SortedLatencyTicks)
{
    public TimeSpan Latency(double quantile) => SortedLatencyTicks.Length == 0
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds(SortedLatencyTicks[Math.Min(SortedLatencyTicks.Length - 1, (int)(quantile * SortedLatencyTicks.Length))] / (double)Stopwatch.Frequency);
}
