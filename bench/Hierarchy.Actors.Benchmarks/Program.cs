using System.Diagnostics;
using Hierarchy.Actors;
using Hierarchy.Actors.Benchmarks;
using Hierarchy.Actors.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Measures the runtime alone: local calls through grain references to trivial grains in one process.
// Usage: dotnet run -c Release --project bench/Hierarchy.Actors.Benchmarks [-- --seconds 2]
var seconds = args.Length >= 2 && args[0] == "--seconds" ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;
var window = TimeSpan.FromSeconds(seconds);
const int Callers = 64;
const int SpreadGrains = 10_000;
const int IdleActivations = 100_000;

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
builder.Services.AddActors(actors => actors.AddGrains<BenchGrain>().AddMemoryGrainStorage());
using var host = builder.Build();
await host.StartAsync();
var factory = host.Services.GetRequiredService<IGrainFactory>();

Console.WriteLine($"Hierarchy.Actors benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Callers} concurrent callers, {window.TotalSeconds:0.#} s per measurement");

// Activating the spread grains first also warms up the runtime.
var spreadKeys = Enumerable.Range(0, SpreadGrains).Select(i => $"spread-{i}").ToArray();
var spread = spreadKeys.Select(factory.GetGrain<IBenchGrain>).ToArray();
await Load.ActivateAllAsync(factory, spreadKeys, Callers);

// The keys exist before and after, so only what the runtime keeps per activation is counted.
var keys = Enumerable.Range(0, IdleActivations).Select(i => $"idle-{i:D6}").ToArray();
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var before = GC.GetTotalMemory(forceFullCollection: true);
var activationTime = Stopwatch.StartNew();
await Load.ActivateAllAsync(factory, keys, Callers);
activationTime.Stop();
var after = GC.GetTotalMemory(forceFullCollection: true);
GC.KeepAlive(keys);
Console.WriteLine($"activations/s:                   {IdleActivations / activationTime.Elapsed.TotalSeconds,12:N0}");
Console.WriteLine($"memory per idle activation:      {(after - before) / (double)IdleActivations,12:N0} B   (beyond its key string; the grain has no state)");

var one = new[] { factory.GetGrain<IBenchGrain>("one") };
Console.WriteLine($"allocated per call, one caller:  {Load.BytesPerSequentialCall(one[0]),12:N0} B");

await Load.RunAsync(one, Callers, TimeSpan.FromSeconds(0.5), 0);
var oneGrain = await Load.RunAsync(one, Callers, window, 0);
Console.WriteLine($"calls/s, one grain:              {oneGrain.CallsPerSecond,12:N0}   ({oneGrain.BytesPerCall:N0} B allocated per call)");

await Load.RunAsync(spread, Callers, TimeSpan.FromSeconds(0.5), 0);
var spreadRun = await Load.RunAsync(spread, Callers, window, 0);
Console.WriteLine($"calls/s, {SpreadGrains:N0} grains:          {spreadRun.CallsPerSecond,12:N0}   ({spreadRun.BytesPerCall:N0} B allocated per call)");

using (var metrics = MetricsSink.Listen())
{
    await Load.RunAsync(spread, Callers, TimeSpan.FromSeconds(0.3), 0);
    var measured = await Load.RunAsync(spread, Callers, window, 0);
    Console.WriteLine($"calls/s, {SpreadGrains:N0} grains, metered:  {measured.CallsPerSecond,12:N0}   ({measured.BytesPerCall:N0} B allocated per call; calls and call durations recorded)");
}

var drivers = Enumerable.Range(0, Callers).Select(i => factory.GetGrain<IDriverGrain>($"driver-{i}")).ToArray();
await Load.DriveAsync(drivers, SpreadGrains, 2_000);
var perDriver = (int)Math.Clamp(spreadRun.CallsPerSecond / 8 * window.TotalSeconds / Callers, 1_000, 500_000);
var driven = await Load.DriveAsync(drivers, SpreadGrains, perDriver);
Console.WriteLine($"calls/s, grain to grain:         {driven.CallsPerSecond,12:N0}   ({driven.BytesPerCall:N0} B allocated per call; {Callers} caller grains, {SpreadGrains:N0} targets)");

var halfRate = spreadRun.CallsPerSecond / 2;
var paced = await Load.RunAsync(spread, Callers, window, halfRate);
Console.WriteLine($"latency at {paced.CallsPerSecond,9:N0} calls/s:     {paced.Percentiles()}   (outside callers, half the 10,000-grain peak)");

var drivenPaced = await Load.DrivePacedAsync(drivers, SpreadGrains, driven.CallsPerSecond / 2, window);
Console.WriteLine($"latency at {drivenPaced.CallsPerSecond,9:N0} calls/s:     {drivenPaced.Percentiles()}   (grain to grain, half its peak)");

await host.StopAsync();
