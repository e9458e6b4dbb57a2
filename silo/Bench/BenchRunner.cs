using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Hierarchy.Storage;
using Orleans.Storage;
using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Demo;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;
using Hierarchy.Grains.WhatIf;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hierarchy.Silo.Bench;

/// <summary>
/// Runs the chosen measurements on a throwaway database built from the official catalogue and the demo generator,
/// in one process, and prints them as a table.
/// </summary>
public sealed class BenchRunner(BenchOptions options)
{
    private readonly List<BenchResult> results = [];

    public async Task<IReadOnlyList<BenchResult>> RunAsync(CancellationToken cancellationToken)
    {
        var wants = (string s) => options.Scenarios.Contains(s, StringComparer.OrdinalIgnoreCase);
        if (wants("ingest") || wants("storage") || wants("read") || wants("triggers") || wants("http"))
        {
            await using var database = await BenchDatabase.CreateAsync(options.PostgresConnectionString);
            var branches = await RunOnGrainsAsync(database, wants, cancellationToken);
            if (wants("http"))
            {
                await RunOverHttpAsync(database, branches, cancellationToken);
            }
        }

        if (wants("whatif"))
        {
            foreach (var result in WhatIfBenchmark.RunAll(20))
            {
                results.Add(new BenchResult("whatif", $"recompute over a {result.Shape} (median)", result.RecomputeMedianMs, "ms", $"{result.Units:N0} units; max {result.RecomputeMaxMs:N1} ms"));
                results.Add(new BenchResult("whatif", $"redistribute + recompute over a {result.Shape} (median)", result.EditMedianMs, "ms"));
            }
        }

        if (wants("scale"))
        {
            await RunColdStartAsync(cancellationToken);
        }

        if (wants("cluster") || wants("failover"))
        {
            results.AddRange(await new Cluster.ClusterBenchmark(options).RunAsync(cancellationToken));
        }

        return results;
    }

    private async Task<IReadOnlyList<string>> RunOnGrainsAsync(BenchDatabase database, Func<string, bool> wants, CancellationToken cancellationToken)
    {
        using var host = SiloApplication.BuildCommandHost([.. database.Arguments]);
        await host.StartAsync(cancellationToken);
        try
        {
            var services = host.Services;
            var hierarchy = services.GetRequiredService<HierarchyService>();
            var setup = Stopwatch.StartNew();
            var demo = await services.GetRequiredService<DemoDataGenerator>().GenerateAsync(
                new DemoDataOptions { ProvinceId = options.Province, CataloguePath = options.CataloguePath, WithAdmissions = true },
                cancellationToken);
            results.Add(new BenchResult("setup", $"demo data for province {options.Province}", setup.Elapsed.TotalSeconds, "s",
                $"{demo.Districts} districts, {demo.Wards:N0} wards, {demo.Branches:N0} branches, {demo.Members:N0} members, {demo.Admissions:N0} admissions ({database.Provider})"));
            var units = await hierarchy.SubtreeAsync(options.Province);
            var branches = units.Where(u => u.Level == UnitLevel.Branch).Select(u => u.Id).ToList();

            if (wants("ingest"))
            {
                var ingest = new IngestBenchmark(hierarchy, services.GetRequiredService<HierarchyTelemetry>());
                results.AddRange(await ingest.RunAsync(branches, options.Reports, options.Concurrency, options.FixedRateDuration, database.Provider));
            }

            if (wants("storage"))
            {
                var storage = services.GetRequiredKeyedService<IJournalStorage>(StorageNames.Units);
                results.Add(await new StorageBenchmark(storage).RunAsync(branches, options.Reports, options.Concurrency, database.Provider));
                results.AddRange(new PlainInsertBenchmark(new AlternativeDatabase(database), database.Provider).Run(branches, options.Reports));
            }

            var year = DateTime.Now.Year;
            var today = DateOnly.FromDateTime(DateTime.Now);
            await WaitForSettledAsync();
            if (wants("read") || wants("triggers"))
            {
                var alternative = new AlternativeDatabase(database);
                var ledger = await ReadLedgerAsync(services);
                alternative.Load(units.Select(u => (u.Id, u.ParentId)).ToList(), ledger);
                if (wants("read"))
                {
                    MeasureReads(hierarchy, alternative, ledger.Count, year, today);
                }

                if (wants("triggers"))
                {
                    MeasureTriggers(alternative, units, ledger);
                }
            }

            return branches;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private void MeasureReads(HierarchyService hierarchy, AlternativeDatabase alternative, int rows, int year, DateOnly today)
    {
        var root = hierarchy.Unit(options.Province);
        var grainReads = new List<double>();
        for (var i = 0; i < 1100; i++)
        {
            var started = Stopwatch.GetTimestamp();
            root.GetViewAsync(year, today).GetAwaiter().GetResult();
            if (i >= 100)
            {
                grainReads.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        using var connection = alternative.Open();
        var sqlReads = new List<double>();
        for (var i = 0; i < 23; i++)
        {
            var started = Stopwatch.GetTimestamp();
            alternative.AggregateOverview(connection, options.Province, year);
            if (i >= 3)
            {
                sqlReads.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var grain = Percentiles.Of(grainReads);
        var sql = Percentiles.Of(sqlReads);
        results.Add(new BenchResult("read", "province overview from the grains p50", grain.P50, "ms", "IUnitGrain.GetViewAsync in process"));
        results.Add(new BenchResult("read", $"aggregate-at-read query ({(options.PostgresConnectionString is null ? "SQLite" : "PostgreSQL")}) p50", sql.P50, "ms", $"recursive CTE + GROUP BY over {rows:N0} admission rows"));
        results.Add(new BenchResult("read", "aggregate query ÷ grain read", sql.P50 / grain.P50, "×"));
    }

    private void MeasureTriggers(AlternativeDatabase alternative, IReadOnlyList<UnitInfo> units, IReadOnlyList<(string BranchId, AdmissionRecord Record)> ledger)
    {
        alternative.CreateTriggerCounters(units.Select(u => (u.Id, u.ParentId)).ToList());
        var deadline = Stopwatch.StartNew();
        var budget = options.FixedRateDuration * 2;
        var inserted = 0;
        var deadlocks = 0;
        var workers = Enumerable.Range(0, Math.Min(options.Concurrency, 64)).Select(worker => Task.Run(() =>
        {
            using var connection = alternative.Open();
            using var insert = alternative.PrepareTriggerInsert(connection);
            var random = new Random(worker);
            while (deadline.Elapsed < budget)
            {
                var (branch, record) = ledger[random.Next(ledger.Count)];
                try
                {
                    alternative.InsertWithTrigger(connection, insert, branch, record);
                    Interlocked.Increment(ref inserted);
                }
                catch (DbException e) when (e.SqlState is "40P01" or "40001")
                {
                    // Concurrent reports lock the same ancestor rows in different orders; the report is sent again.
                    Interlocked.Increment(ref deadlocks);
                }
            }
        })).ToArray();
        Task.WaitAll(workers);
        var elapsed = deadline.Elapsed;
        var counted = alternative.Counter(options.Province);
        results.Add(new BenchResult("triggers", $"durable reports/s with ancestor-counter triggers ({(options.PostgresConnectionString is null ? "SQLite" : "PostgreSQL")})", inserted / elapsed.TotalSeconds, "reports/s",
            $"{inserted:N0} single-row transactions from {workers.Length} connections, {deadlocks:N0} deadlocks retried; the province counter shows {counted:N0}"));
    }

    private async Task RunOverHttpAsync(BenchDatabase database, IReadOnlyList<string> branches, CancellationToken cancellationToken)
    {
        await using var app = SiloApplication.BuildServer([.. database.Arguments, "--urls=http://127.0.0.1:0", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync(cancellationToken);
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
            var http = new HttpBenchmark(address, app.Services.GetRequiredService<UserStore>());
            results.AddRange(await http.RunAsync(branches, options.Province, Math.Max(1000, options.Reports / 4), options.Concurrency));
            var grainRead = results.FirstOrDefault(r => r.Metric.StartsWith("aggregate-at-read", StringComparison.Ordinal));
            var httpRead = results.FirstOrDefault(r => r.Metric == "province overview over HTTP p50");
            if (grainRead is not null && httpRead is not null)
            {
                results.Add(new BenchResult("read", "aggregate query ÷ HTTP read", grainRead.Value / httpRead.Value, "×"));
            }
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private async Task RunColdStartAsync(CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(options.PostgresConnectionString);
        using (var host = SiloApplication.BuildCommandHost([.. database.Arguments]))
        {
            await host.StartAsync(cancellationToken);
            var setup = Stopwatch.StartNew();
            var demo = await host.Services.GetRequiredService<DemoDataGenerator>().GenerateAsync(
                new DemoDataOptions { Country = true, ProvinceId = null, CataloguePath = options.CataloguePath, WithAdmissions = false },
                cancellationToken);
            results.Add(new BenchResult("scale", "whole-country demo data", setup.Elapsed.TotalSeconds, "s",
                $"{demo.Provinces} provinces, {demo.Districts} districts, {demo.Wards:N0} wards, {demo.Branches:N0} branches"));
            await WaitForSettledAsync();
            await host.StopAsync(CancellationToken.None);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(true);
        var started = Stopwatch.StartNew();
        using var cold = SiloApplication.BuildCommandHost([.. database.Arguments]);
        await cold.StartAsync(cancellationToken);
        var hierarchy = cold.Services.GetRequiredService<HierarchyService>();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var roots = await hierarchy.Grains.GetGrain<Hierarchy.Grains.Catalogue.ICatalogueGrain>(Hierarchy.Grains.Catalogue.ICatalogueGrain.Key).GetRootsAsync();
        var views = await Task.WhenAll(roots.Select(r => hierarchy.Unit(r.Id).GetViewAsync(today.Year, today)));
        var ready = started.Elapsed;
        var children = views.SelectMany(v => v!.Children.Select(c => c.Id)).ToList();
        var wards = (await Task.WhenAll(children.Select(id => hierarchy.Unit(id).GetViewAsync(today.Year, today)))).SelectMany(v => v!.Children.Select(c => c.Id)).ToList();
        await Task.WhenAll(wards.Select(id => hierarchy.Unit(id).GetViewAsync(today.Year, today)));
        var allAbove = started.Elapsed;
        var memory = GC.GetTotalMemory(true) - memoryBefore;
        results.Add(new BenchResult("scale", "cold start to every province overview ready", ready.TotalSeconds, "s", $"{roots.Count} provinces read"));
        results.Add(new BenchResult("scale", "cold start to every unit above the branches active", allAbove.TotalSeconds, "s", $"{children.Count + wards.Count + roots.Count:N0} units activated"));
        results.Add(new BenchResult("scale", "managed memory after that", memory / 1024.0 / 1024.0, "MB", $"process working set {Environment.WorkingSet / 1024.0 / 1024.0:N0} MB"));
        await cold.StopAsync(CancellationToken.None);
    }

    private static async Task<IReadOnlyList<(string BranchId, AdmissionRecord Record)>> ReadLedgerAsync(IServiceProvider services)
    {
        var journal = services.GetRequiredKeyedService<IJournalStorage>(StorageNames.Units);
        return (await LedgerReader.ReadAsync(journal)).Counted;
    }

    // Rollup coalesces for a few tens of milliseconds per level; give acknowledgements and checkpoints time to settle too.
    private static Task WaitForSettledAsync() => Task.Delay(TimeSpan.FromSeconds(2));

    public static void Print(IReadOnlyList<BenchResult> results, TextWriter output)
    {
        output.WriteLine($"{"scenario",-9} {"metric",-66} {"value",14} {"unit",-10} note");
        foreach (var result in results)
        {
            output.WriteLine($"{result.Scenario,-9} {result.Metric,-66} {result.Value,14:N2} {result.Unit,-10} {result.Note}");
        }
    }

    public static async Task WriteJsonAsync(IReadOnlyList<BenchResult> results, string path, string machine)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, new { machine, measuredAt = DateTimeOffset.Now, results }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
    }
}
