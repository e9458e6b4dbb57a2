using System.CommandLine;
using System.Diagnostics;
using Hierarchy.Grains.Import;
using Hierarchy.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary><c>import-branches FILE.csv</c>: branches with members at the start of the year and optional quotas; all rows or none.</summary>
public static class ImportBranchesCommand
{
    public static Command Create() => CsvImportCommand.Create(
        "import-branches",
        "Import branches, members at the start of the year and quotas from CSV; a bad row imports nothing.",
        "UTF-8 CSV with the header wardId,branchId,name,membersAtStart[,year][,quota].",
        async (services, csv, defaultYear, by) =>
        {
            var started = Stopwatch.StartNew();
            var result = await services.GetRequiredService<BranchCsvImporter>().ImportAsync(csv, defaultYear, by);
            await services.GetRequiredService<DatabaseModeStore>().MarkImportedAsync(by);
            return $"Imported {result.Branches:N0} branches in {result.Wards:N0} wards in {started.Elapsed.TotalSeconds:N1} s.";
        });
}
