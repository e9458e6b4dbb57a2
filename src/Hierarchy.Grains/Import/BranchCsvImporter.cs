using System.Globalization;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Import;

/// <summary>
/// Imports branches with members at the start of the year and optional quotas from CSV
/// (header <c>wardId,branchId,name,membersAtStart</c>, optional <c>year</c> and <c>quota</c>). The "ward" is the unit
/// the branch sits under: a ward or commune, or any organisation above branches. Every row is checked
/// before anything is written, so a bad file imports nothing; it returns once the rollup has settled.
/// </summary>
public sealed class BranchCsvImporter(HierarchyService hierarchy, RollupSettler settler)
{
    private static readonly string[] RequiredColumns = ["wardId", "branchId", "name", "membersAtStart"];

    public async Task<BranchImportResult> ImportAsync(TextReader csv, int defaultYear, string by)
    {
        var rows = CsvLines.Read(csv).ToList();
        var header = CsvHeader.Read(rows, RequiredColumns);
        var (wardColumn, branchColumn, nameColumn, membersColumn, yearColumn, quotaColumn) =
            (header.Column("wardId"), header.Column("branchId"), header.Column("name"), header.Column("membersAtStart"), header.Column("year"), header.Column("quota"));

        // Every row is checked, so that an operator fixes the whole file in one pass rather than one line per run.
        var errors = new List<CsvLineError>();
        var wards = new Dictionary<string, UnitInfo>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var imports = new List<(UnitDefinition Unit, IReadOnlyList<YearPlan> Years)>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            var before = errors.Count;
            var row = new CsvRow(line, fields, errors);
            void Fail(string field, string reason) => row.Fail(field, reason);
            string? Field(int index, string name) => row.Field(index, name);

            var wardId = Field(wardColumn, "wardId");
            var branchId = Field(branchColumn, "branchId");
            var name = Field(nameColumn, "name");
            if (wardId is { Length: 0 })
            {
                Fail("wardId", "The ward id is empty.");
            }
            else if (wardId is not null)
            {
                if (!wards.TryGetValue(wardId, out var ward))
                {
                    ward = await hierarchy.Unit(wardId).GetInfoAsync();
                    wards[wardId] = ward;
                }

                if (!ward.Exists)
                {
                    Fail("wardId", $"'{wardId}' is not a known ward.");
                }
                else if (ward.RetiredOn is { } lastDay)
                {
                    Fail("wardId", $"'{wardId}' is a former unit (its last day was {lastDay:yyyy-MM-dd}); branches go under the units of today.");
                }
                else if (!LevelNames.CanHold(ward.Level, UnitLevel.Branch))
                {
                    Fail("wardId", $"'{wardId}' is a branch; a branch sits under a ward, a commune or an organisation.");
                }
            }

            if (branchId is { Length: 0 or > 64 })
            {
                Fail("branchId", "The branch id must have 1 to 64 characters.");
            }
            else if (branchId is not null && !seen.Add(branchId))
            {
                Fail("branchId", $"Branch '{branchId}' appears twice in the file.");
            }
            else if (branchId is not null)
            {
                var existing = await hierarchy.Unit(branchId).GetInfoAsync();
                if (existing.Exists && (existing.Level != UnitLevel.Branch || existing.ParentId != wardId))
                {
                    Fail("branchId", $"'{branchId}' already exists under '{existing.ParentId}'; move it instead of importing it again.");
                }
            }

            if (name is { Length: 0 or > 200 })
            {
                Fail("name", "The name must have 1 to 200 characters.");
            }

            var membersText = Field(membersColumn, "membersAtStart");
            var members = WholeNumber(membersText, "membersAtStart", 0, 100_000, Fail);
            if (membersText is { Length: 0 })
            {
                Fail("membersAtStart", "Members at the start of the year are required.");
            }

            var year = yearColumn >= 0 ? WholeNumber(Field(yearColumn, "year"), "year", 1930, 2200, Fail) ?? defaultYear : defaultYear;
            var quota = quotaColumn >= 0 ? WholeNumber(Field(quotaColumn, "quota"), "quota", 0, 100_000, Fail) : null;
            if (errors.Count == before)
            {
                imports.Add((new UnitDefinition(branchId!, name!, UnitLevel.Branch, wardId), [new YearPlan(year, quota, members!.Value)]));
            }
        }

        if (errors.Count > 0)
        {
            throw new CsvImportException(errors);
        }

        await hierarchy.ImportUnitsAsync(imports, by);
        await settler.SettleAsync(imports.Select(i => new UnitInfo(i.Unit.Id, i.Unit.Name, i.Unit.Level, i.Unit.ParentId, true)).ToList(), RollupSettler.DefaultTimeout);
        return new BranchImportResult(imports.Count, wards.Count);
    }

    private static int? WholeNumber(string? text, string field, int min, int max, Action<string, string> fail)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            fail(field, $"'{text}' is not a whole number from {min} to {max}.");
            return null;
        }

        return value;
    }
}
