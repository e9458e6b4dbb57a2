using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Hierarchy.Grains.Import;
using Hierarchy.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary><c>import-branches FILE.csv</c>: branches with members at the start of the year and optional quotas; all rows or none.</summary>
public static class ImportBranchesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "UTF-8 CSV with the header wardId,branchId,name,membersAtStart[,year][,quota]." };
        var year = new Option<int>("--year")
        {
            Description = "The year of rows without a year column (default: this year).",
            DefaultValueFactory = _ => DateTime.Today.Year,
        };
        var force = new Option<bool>("--force") { Description = "Import even into a demo database." };
        var command = new Command("import-branches", "Import branches, members at the start of the year and quotas from CSV; a bad row imports nothing.") { file, year, force };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunWithGrainsAsync(parse, async (services, _) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException(null, path.FullName);
            }

            var defaultYear = parse.GetValue(year);
            if (defaultYear is < 1930 or > 2200)
            {
                throw new CommandLineException($"--year {defaultYear} is out of range (1930–2200).");
            }

            await ImportGuard.EnsureImportAllowedAsync(services.GetRequiredService<DatabaseModeStore>(), parse.GetValue(force));
            var started = Stopwatch.StartNew();
            using var reader = new StreamReader(path.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var result = await services.GetRequiredService<BranchCsvImporter>().ImportAsync(reader, defaultYear, ImportGuard.Operator("import-branches"));
            await services.GetRequiredService<DatabaseModeStore>().MarkImportedAsync(ImportGuard.Operator("import-branches"));
            Console.WriteLine($"Imported {result.Branches:N0} branches in {result.Wards:N0} wards in {started.Elapsed.TotalSeconds:N1} s.");
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
