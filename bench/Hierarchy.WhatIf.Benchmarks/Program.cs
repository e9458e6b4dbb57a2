using System.Globalization;
using Hierarchy.Grains.WhatIf;

// Times a what-if recompute on generated trees of a province's and the whole country's size.
// Usage: dotnet run -c Release --project bench/Hierarchy.WhatIf.Benchmarks [-- --runs 50]
var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
Console.WriteLine($"What-if benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {runs} runs per measurement");
foreach (var result in WhatIfBenchmark.RunAll(runs))
{
    Console.WriteLine(result);
}
