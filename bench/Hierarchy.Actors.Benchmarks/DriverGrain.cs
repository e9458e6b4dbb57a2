using System.Diagnostics;

namespace Hierarchy.Actors.Benchmarks;

internal sealed class DriverGrain : Grain, IDriverGrain
{
    private IBenchGrain[]? targets;

    public async Task<long> Drive(int first, int count, int grains)
    {
        var all = Targets(grains);
        var next = first % grains;
        long sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += await all[next].Ping(1);
            next = next + 1 == grains ? 0 : next + 1;
        }

        return sum;
    }

    public async Task<long[]> DrivePaced(int first, int grains, double callsPerSecond, TimeSpan duration)
    {
        var all = Targets(grains);
        var next = first % grains;
        var interval = Stopwatch.Frequency / callsPerSecond;
        var latencies = new List<long>((int)Math.Min(callsPerSecond * duration.TotalSeconds * 1.1, 10_000_000));
        var began = Stopwatch.GetTimestamp();
        var end = began + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long n = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            // Sleeping in 1 ms steps keeps an idle driver off the CPU; calls that fall due meanwhile go out together.
            if (began + (long)(n * interval) - Stopwatch.GetTimestamp() > Stopwatch.Frequency / 1000)
            {
                await Task.Delay(1);
                continue;
            }

            var sent = Stopwatch.GetTimestamp();
            await all[next].Ping(1);
            latencies.Add(Stopwatch.GetTimestamp() - sent);
            next = next + 1 == grains ? 0 : next + 1;
            n++;
        }

        return [.. latencies];
    }

    private IBenchGrain[] Targets(int grains) =>
        targets ??= Enumerable.Range(0, grains).Select(i => GrainFactory.GetGrain<IBenchGrain>($"spread-{i}")).ToArray();
}
