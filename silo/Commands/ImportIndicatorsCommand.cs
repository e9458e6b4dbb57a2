using System.CommandLine;
using System.Text;
using Hierarchy.Grains.Import;
using Hierarchy.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary><c>import-indicators FILE.csv</c>: units' own indicator figures (population, residential groups, their leaders) and targets; all rows or none.</summary>
public static class ImportIndicatorsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "UTF-8 CSV with the header unitId[,year] and any of population,residentialGroups,groupsWithoutMembers,groupLeaders,leadersWhoAreMembers,"
                + "targetMembersPerPopulationPercent,targetGroupsWithoutMembers,targetLeaderSharePercent,targetYouthUnionIntroductions.",
        };
        var year = new Option<int>("--year")
        {
            Description = "The year of rows without a year column (default: this year).",
            DefaultValueFactory = _ => DateTime.Today.Year,
        };
        var force = new Option<bool>("--force") { Description = "Import even into a demo database." };
        var command = new Command("import-indicators", "Import units' indicator figures and targets from CSV; columns left out keep their values, and a bad row imports nothing.") { file, year, force };
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
            using var reader = new StreamReader(path.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var result = await services.GetRequiredService<IndicatorCsvImporter>().ImportAsync(reader, defaultYear, ImportGuard.Operator("import-indicators"));
            Console.WriteLine($"Imported the indicators of {result.Units:N0} units ({result.Rows:N0} rows).");
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
