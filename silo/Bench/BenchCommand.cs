using System.CommandLine;
using Hierarchy.Silo.Commands;
using Hierarchy.Silo.Demo;

namespace Hierarchy.Silo.Bench;

/// <summary><c>bench</c>: measures ingest, reads, the trigger and aggregate-at-read alternatives, cold start and what-if on a throwaway database.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var scenarios = new Option<string>("--scenario") { Description = "Comma-separated: ingest, storage (the same appends with no grains), http, read, triggers, whatif, scale (whole-country cold start; slow), cluster (silo processes behind nginx on PostgreSQL: ingest, fan-out, failover), failover (that scenario's failover alone).", DefaultValueFactory = _ => "ingest,storage,read,triggers,http,whatif" };
        var reports = new Option<int>("--reports") { Description = "Reports at full speed through the grains (HTTP sends a quarter of them).", DefaultValueFactory = _ => 200_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent callers.", DefaultValueFactory = _ => 256 };
        var postgres = new Option<string?>("--postgres") { Description = "Measure on PostgreSQL: an admin connection string; a fresh database is created and dropped." };
        var province = new Option<string>("--province") { Description = "The province whose demo data is measured (Hà Nội by default).", DefaultValueFactory = _ => "01" };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON to this file." };
        var seconds = new Option<int>("--fixed-rate-seconds") { Description = "How long the half-rate ingest and the trigger alternative run.", DefaultValueFactory = _ => 10 };
        var silos = new Option<int>("--silos") { Description = "Silo processes in the cluster scenario (PostgreSQL, behind nginx).", DefaultValueFactory = _ => 3 };
        var streams = new Option<int>("--streams") { Description = "Live streams held open in the cluster scenario's fan-out.", DefaultValueFactory = _ => 5000 };
        var catalogue = new Option<string?>("--catalogue") { Description = "The official catalogue (shared/data/dvhcvn.json is found by default)." };
        var command = new Command("bench", "Measure Hierarchy on this machine against the obvious alternatives, on a throwaway database.")
        {
            scenarios, reports, concurrency, postgres, province, json, seconds, catalogue, silos, streams,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cataloguePath = CatalogueLocator.Find(parse.GetValue(catalogue));
            if (cataloguePath is null)
            {
                return CommandRunner.Fail("the official catalogue was not found; pass --catalogue PATH/dvhcvn.json");
            }

            if (parse.GetValue(reports) < 1000 || parse.GetValue(concurrency) < 1)
            {
                return CommandRunner.Fail("--reports must be at least 1,000 and --concurrency at least 1");
            }

            if (parse.GetValue(silos) is < 2 or > 9 || parse.GetValue(streams) < 1)
            {
                return CommandRunner.Fail("--silos must be from 2 to 9 and --streams at least 1");
            }

            var options = new BenchOptions(
                parse.GetValue(scenarios)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parse.GetValue(reports),
                parse.GetValue(concurrency),
                parse.GetValue(postgres),
                parse.GetValue(province)!,
                cataloguePath,
                parse.GetValue(json),
                TimeSpan.FromSeconds(parse.GetValue(seconds)),
                parse.GetValue(silos),
                parse.GetValue(streams));
            var machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024 / 1024 / 1024} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
            Console.WriteLine($"Measuring on {machine}");
            var results = await new BenchRunner(options).RunAsync(cancellationToken);
            BenchRunner.Print(results, Console.Out);
            if (options.JsonPath is { } path)
            {
                await BenchRunner.WriteJsonAsync(results, path, machine);
            }

            return CommandRunner.Ok;
        });
        return command;
    }
}
