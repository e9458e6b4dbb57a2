using System.CommandLine;
using Hierarchy.Grains.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary><c>import-indicators FILE.csv</c>: units' own indicator figures (population, residential groups, their leaders) and targets; all rows or none.</summary>
public static class ImportIndicatorsCommand
{
    public static Command Create() => CsvImportCommand.Create(
        "import-indicators",
        "Import units' indicator figures and targets from CSV; columns left out keep their values, and a bad row imports nothing.",
        "UTF-8 CSV with the header unitId[,year] and any of population,residentialGroups,groupsWithoutMembers,groupLeaders,leadersWhoAreMembers,"
            + "targetMembersPerPopulationPercent,targetGroupsWithoutMembers,targetLeaderSharePercent,targetYouthUnionIntroductions.",
        async (services, csv, defaultYear, by) =>
        {
            var result = await services.GetRequiredService<IndicatorCsvImporter>().ImportAsync(csv, defaultYear, by);
            return $"Imported the indicators of {result.Units:N0} units ({result.Rows:N0} rows).";
        });
}
