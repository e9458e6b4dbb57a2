using System.Diagnostics;

namespace Hierarchy.Actors.Benchmarks;

/// <summary>Drives grains from concurrent callers, either as fast as they go or paced to a target rate.</summary>
internal static class Load
{
    /// <summary>Activates one grain per key from concurrent callers, keeping no reference to any of them.</summary>
    public static async Task ActivateAllAsync(IGrainFactory factory, string[] keys, int callers)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < keys.Length)
            {
                await factory.GetGrain<IBenchGrain>(keys[i]).Ping(i);
            }
        })));
    }

    /// <summary>Bytes one caller allocates per call when nothing else runs (its own thread's allocations, so exact).</summary>
    public static double BytesPerSequentialCall(IBenchGrain grain)
    {
        const int Calls = 100_000;
        for (var i = 0; i < Calls; i++)
        {
            grain.Ping(i).GetAwaiter().GetResult();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            grain.Ping(i).GetAwaiter().GetResult();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls;
    }

    /// <summary>Has every driver grain make the given number of calls from inside its turn.</summary>
    public static async Task<LoadResult> DriveAsync(IDriverGrain[] drivers, int grains, int callsPerDriver)
    {
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(drivers.Select((d, i) => d.Drive(i * 7919, callsPerDriver, grains)));
        watch.Stop();
        var calls = (long)drivers.Length * callsPerDriver;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new LoadResult(calls / watch.Elapsed.TotalSeconds, allocated / (double)calls, []);
    }

    /// <summary>Has every driver grain call at its share of the rate for the window, and gathers the latencies.</summary>
    public static async Task<LoadResult> DrivePacedAsync(IDriverGrain[] drivers, int grains, double rate, TimeSpan window)
    {
        var watch = Stopwatch.StartNew();
        var samples = await Task.WhenAll(drivers.Select((d, i) => d.DrivePaced(i * 7919, grains, rate / drivers.Length, window)));
        watch.Stop();
        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        return new LoadResult(all.Length / watch.Elapsed.TotalSeconds, 0, all);
    }

    /// <summary>Runs the callers for the window; with a rate above zero each caller is paced to its share of it.</summary>
    public static async Task<LoadResult> RunAsync(IBenchGrain[] grains, int callers, TimeSpan window, double rate)
    {
        var stop = 0;
        var samples = new List<long>[callers];
        var counts = new long[callers];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var perCallerTicks = rate > 0 ? Stopwatch.Frequency * callers / rate : 0;
        var tasks = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var latencies = samples[c] = rate > 0 ? new List<long>(1 << 16) : [];
            await start.Task;
            var grain = (c * 7919) % grains.Length;
            long n = 0;
            var began = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref stop) == 0)
            {
                if (rate > 0)
                {
                    // Open the next call at its scheduled time; sleeping in 1 ms steps keeps idle callers off the CPU.
                    var due = began + (long)(n * perCallerTicks);
                    var now = Stopwatch.GetTimestamp();
                    if (due - now > Stopwatch.Frequency / 1000)
                    {
                        await Task.Delay(1);
                        continue;
                    }

                    var sent = Stopwatch.GetTimestamp();
                    await grains[grain].Ping(1);
                    latencies.Add(Stopwatch.GetTimestamp() - sent);
                }
                else
                {
                    await grains[grain].Ping(1);
                }

                n++;
                grain = grain + 1 == grains.Length ? 0 : grain + 1;
            }

            counts[c] = n;
        })).ToArray();

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        start.SetResult();
        await Task.Delay(window);
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(tasks);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var calls = counts.Sum();
        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        return new LoadResult(calls / watch.Elapsed.TotalSeconds, calls == 0 ? 0 : (allocated - (all.Length * 8L)) / (double)calls, all);
    }
}
