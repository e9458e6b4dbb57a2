using System.CommandLine;
using System.Diagnostics;
using Hierarchy.Grains.Demo;
using Hierarchy.Silo.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hierarchy.Silo.Commands;

/// <summary><c>demo-data</c>: deterministic demo branches, members and quotas (and admissions on request) for a province or the country.</summary>
public static class DemoDataCommand
{
    public static Command Create()
    {
        var province = new Option<string?>("--province") { Description = "The province to generate (default 48, Đà Nẵng).", HelpName = "ID" };
        var country = new Option<bool>("--country") { Description = "Generate all 63 provinces." };
        var admissions = new Option<bool>("--admissions") { Description = "Also report admissions over the year so far and the previous year." };
        var year = new Option<int?>("--year") { Description = "The year (default: this year)." };
        var seed = new Option<int?>("--seed") { Description = "The random seed (default 2025); the same seed gives the same data." };
        var catalogue = new Option<FileInfo?>("--catalogue") { Description = "The catalogue JSON, either shape (default: found as shared/data/dvhcvn.json, or dvhc-2025.json with --Demo:Catalogue=2025).", HelpName = "FILE" };
        var command = new Command("demo-data", "Generate demo data into an empty or demo database (never into imported data).")
        {
            province, country, admissions, year, seed, catalogue,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.Validators.Add(result =>
        {
            if (result.GetValue(country) && result.GetValue(province) is not null)
            {
                result.AddError("Give --province or --country, not both.");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunWithGrainsAsync(parse, async (services, ct) =>
        {
            var settings = services.GetRequiredService<IOptions<DemoOptions>>().Value;
            var cataloguePath = parse.GetValue(catalogue)?.FullName ?? CatalogueLocator.Find(settings.CataloguePath, settings.Catalogue)
                ?? throw new CommandLineException($"the catalogue was not found; pass --catalogue FILE (looked for {CatalogueLocator.RelativePathOf(settings.Catalogue) ?? $"an unknown catalogue '{settings.Catalogue}'"} above the working directory)");
            if (!File.Exists(cataloguePath))
            {
                throw new FileNotFoundException(null, cataloguePath);
            }

            var options = new DemoDataOptions
            {
                Country = parse.GetValue(country),
                ProvinceId = parse.GetValue(province) ?? settings.Province,
                WithAdmissions = parse.GetValue(admissions),
                Year = parse.GetValue(year) ?? DateTime.Today.Year,
                Seed = parse.GetValue(seed) ?? settings.Seed,
                CataloguePath = cataloguePath,
            };
            var started = Stopwatch.StartNew();
            var result = await services.GetRequiredService<DemoLoader>().LoadAsync(options, DemoDataGenerator.Actor, ct);
            if (result.Provinces == 0)
            {
                throw new CommandLineException($"province '{options.ProvinceId}' is not in the catalogue");
            }

            Console.WriteLine(
                $"Generated {result.Provinces:N0} provinces, {result.Districts:N0} districts, {result.Wards:N0} wards, {result.Branches:N0} branches, " +
                $"{result.Members:N0} members, {result.Admissions:N0} admissions and {result.Candidates:N0} candidates in {started.Elapsed.TotalSeconds:N1} s.");
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
