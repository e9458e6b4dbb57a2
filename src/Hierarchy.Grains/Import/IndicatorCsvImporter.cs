using System.Globalization;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Closing;
using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Import;

/// <summary>
/// Imports units' own indicator figures and targets from CSV: the header names <c>unitId</c> and any of <c>year</c>,
/// the figures (<c>population</c>, <c>residentialGroups</c>, <c>groupsWithoutMembers</c>, <c>groupLeaders</c>,
/// <c>leadersWhoAreMembers</c>) and the targets (<c>targetMembersPerPopulationPercent</c>, <c>targetGroupsWithoutMembers</c>,
/// <c>targetLeaderSharePercent</c>, <c>targetYouthUnionIntroductions</c>). A column in the file replaces that figure
/// (an empty cell clears it); a column not in the file keeps what the unit had, so a file of populations alone leaves
/// the targets as they were. Every row is checked before anything is written, so a bad file imports nothing.
/// </summary>
public sealed class IndicatorCsvImporter(HierarchyService hierarchy, RollupSettler settler)
{
    private static readonly string[] FigureColumns = ["population", "residentialGroups", "groupsWithoutMembers", "groupLeaders", "leadersWhoAreMembers"];

    private static readonly string[] TargetColumns = ["targetMembersPerPopulationPercent", "targetGroupsWithoutMembers", "targetLeaderSharePercent", "targetYouthUnionIntroductions"];

    /// <summary>Every figure and target column a file may name, in the order a template lists them.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. FigureColumns, .. TargetColumns];

    public async Task<IndicatorImportResult> ImportAsync(TextReader csv, int defaultYear, string by, string? within = null)
    {
        var rows = CsvLines.Read(csv).ToList();
        var header = CsvHeader.Read(rows, ["unitId"]);
        var columns = Columns.ToDictionary(c => c, header.Column, StringComparer.Ordinal);
        if (columns.Values.All(c => c < 0))
        {
            throw new CsvImportException([new(rows[0].Line, "header", $"The header names no figure or target; expected some of {string.Join(',', Columns)}.")]);
        }

        var (unitColumn, yearColumn) = (header.Column("unitId"), header.Column("year"));
        var errors = new List<CsvLineError>();
        var seen = new HashSet<(string, int)>();
        var entries = new List<(int Line, string UnitId, int Year, IndicatorFigures? Figures, IndicatorTargets? Targets)>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            var before = errors.Count;
            var row = new CsvRow(line, fields, errors);
            var unitId = row.Field(unitColumn, "unitId");
            var year = yearColumn >= 0 ? Whole(row, yearColumn, "year", 1930, 2200) ?? defaultYear : defaultYear;
            UnitInfo? unit = null;
            if (unitId is { Length: 0 or > 64 })
            {
                row.Fail("unitId", IndicatorCodes.UnknownUnit, "'{0}' is not a known unit.", unitId);
            }
            else if (unitId is not null)
            {
                unit = await hierarchy.Unit(unitId).GetInfoAsync();
                if (!unit.Exists)
                {
                    row.Fail("unitId", IndicatorCodes.UnknownUnit, "'{0}' is not a known unit.", unitId);
                }
                else if (within is not null && unitId != within && !await hierarchy.IsWithinAsync(unitId, within))
                {
                    row.Fail("unitId", IndicatorCodes.OutsideSubtree, "'{0}' is not '{1}' or a unit below it.", unitId, within);
                }
                else if (unit.RetiredOn is { } lastDay)
                {
                    row.Fail("unitId", ValidationError.FormerUnit(unitId, lastDay));
                }
                else if (!seen.Add((unitId, year)))
                {
                    row.Fail("unitId", IndicatorCodes.Duplicate, "'{0}' appears twice in the file for {1}.", unitId, year);
                }
                else if (await hierarchy.Grains.GetGrain<IUnitClosingGrain>(unitId).GetClosingAsync(new ClosingPeriod(year, false)) is { } closing)
                {
                    row.Fail("year", IndicatorCodes.ImportYearClosed, "{0} was closed at '{1}' by {2}; reopen it first.", year, unitId, closing.ClosedBy);
                }
            }

            if (errors.Count > before || unit is null)
            {
                continue;
            }

            var own = (await hierarchy.Grains.GetGrain<IUnitIndicatorGrain>(unit.Id).GetOwnIndicatorsAsync()).GetValueOrDefault(year);
            var f = own?.Figures ?? new IndicatorFigures();
            var t = own?.Targets ?? new IndicatorTargets();
            var figures = new IndicatorFigures(
                Replace(row, columns, "population", f.Population, text => Long(row, text, "population")),
                Replace(row, columns, "residentialGroups", f.ResidentialGroups, text => Int(row, text, "residentialGroups")),
                Replace(row, columns, "groupsWithoutMembers", f.GroupsWithoutMembers, text => Int(row, text, "groupsWithoutMembers")),
                Replace(row, columns, "groupLeaders", f.GroupLeaders, text => Int(row, text, "groupLeaders")),
                Replace(row, columns, "leadersWhoAreMembers", f.LeadersWhoAreMembers, text => Int(row, text, "leadersWhoAreMembers")));
            var targets = new IndicatorTargets(
                Replace(row, columns, "targetMembersPerPopulationPercent", t.MembersPerPopulationPercent, text => Percent(row, text, "targetMembersPerPopulationPercent")),
                Replace(row, columns, "targetGroupsWithoutMembers", t.GroupsWithoutMembers, text => Int(row, text, "targetGroupsWithoutMembers")),
                Replace(row, columns, "targetLeaderSharePercent", t.LeaderSharePercent, text => Percent(row, text, "targetLeaderSharePercent")),
                Replace(row, columns, "targetYouthUnionIntroductions", t.YouthUnionIntroductions, text => Int(row, text, "targetYouthUnionIntroductions")));
            if (errors.Count > before)
            {
                continue;
            }

            foreach (var error in IndicatorRules.Validate(figures, targets))
            {
                row.Fail(ColumnOf(error.Field), error);
            }

            if (errors.Count == before)
            {
                entries.Add((line, unit.Id, year, figures, targets));
            }
        }

        if (errors.Count > 0)
        {
            throw new CsvImportException(errors);
        }

        foreach (var batch in entries.Chunk(64))
        {
            var results = await Task.WhenAll(batch.Select(e => hierarchy.Grains.GetGrain<IUnitIndicatorGrain>(e.UnitId).SetIndicatorsAsync(e.Year, e.Figures, e.Targets, by)));
            var refused = batch.Zip(results).Where(r => r.Second.Outcome != IndicatorOutcome.Updated).ToList();
            if (refused.Count > 0)
            {
                throw new CsvImportException([.. refused.SelectMany(r => r.Second.Errors.Select(e => new CsvLineError(r.First.Line, ColumnOf(e.Field), e.Message, e.Code, e.Arguments)))]);
            }
        }

        var units = entries.Select(e => e.UnitId).Distinct(StringComparer.Ordinal).ToList();
        var infos = await Task.WhenAll(units.Select(id => hierarchy.Unit(id).GetInfoAsync()));
        await settler.SettleAsync(infos, RollupSettler.DefaultTimeout);
        return new IndicatorImportResult(entries.Count, units.Count);
    }

    /// <summary>The value of a column in the file (null for an empty cell), or what the unit had when the file lacks the column.</summary>
    private static T? Replace<T>(CsvRow row, Dictionary<string, int> columns, string column, T? current, Func<string, T?> parse)
        where T : struct
    {
        if (columns[column] < 0)
        {
            return current;
        }

        var text = row.Field(columns[column], column);
        return string.IsNullOrWhiteSpace(text) ? null : parse(text.Trim());
    }

    private static string ColumnOf(string field) => field.StartsWith("targets.", StringComparison.Ordinal)
        ? "target" + char.ToUpperInvariant(field[8]) + field[9..]
        : field;

    private static int? Whole(CsvRow row, int index, string name, int min, int max)
    {
        var text = row.Field(index, name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            row.Fail(name, IndicatorCodes.YearOutOfRange, "'{0}' is not a year from {1} to {2}.", text, min, max);
            return null;
        }

        return value;
    }

    private static int? Int(CsvRow row, string text, string name)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        row.Fail(name, IndicatorCodes.NotWholeNumber, "'{0}' is not a whole number.", text);
        return null;
    }

    private static long? Long(CsvRow row, string text, string name)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        row.Fail(name, IndicatorCodes.NotWholeNumber, "'{0}' is not a whole number.", text);
        return null;
    }

    private static decimal? Percent(CsvRow row, string text, string name)
    {
        // Excel under Vietnamese regional settings writes 3,85 for 3.85.
        var normalised = text.TrimEnd('%').Trim().Replace(',', '.');
        if (decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        row.Fail(name, IndicatorCodes.NotPercentage, "'{0}' is not a percentage such as 3.85.", text);
        return null;
    }
}
