using System.Globalization;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Import;

/// <summary>
/// Imports branches with members at the start of the year and optional quotas from CSV
/// (header <c>wardId,branchId,name,membersAtStart</c>, optional <c>year</c> and <c>quota</c>). Every row is checked
/// before anything is written, so a bad file imports nothing.
/// </summary>
public sealed class BranchCsvImporter(HierarchyService hierarchy)
{
    private static readonly string[] RequiredColumns = ["wardId", "branchId", "name", "membersAtStart"];

    public async Task<BranchImportResult> ImportAsync(TextReader csv, int defaultYear, string by)
    {
        var rows = CsvLines.Read(csv).ToList();
        if (rows.Count == 0)
        {
            throw new CsvImportException(1, "header", "The file is empty; expected the header wardId,branchId,name,membersAtStart.");
        }

        var header = rows[0].Fields.Select(f => f.TrimStart('\uFEFF')).ToList();
        foreach (var column in RequiredColumns)
        {
            if (!header.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                throw new CsvImportException(rows[0].Line, column, "This column is missing from the header.");
            }
        }

        int Column(string name) => header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        var (wardColumn, branchColumn, nameColumn, membersColumn, yearColumn, quotaColumn) =
            (Column("wardId"), Column("branchId"), Column("name"), Column("membersAtStart"), Column("year"), Column("quota"));

        var wards = new Dictionary<string, UnitInfo>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var imports = new List<(UnitDefinition Unit, IReadOnlyList<YearPlan> Years)>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            string Field(int index, string name) => index < fields.Count ? fields[index] : throw new CsvImportException(line, name, "The row has too few fields.");

            var wardId = Field(wardColumn, "wardId");
            var branchId = Field(branchColumn, "branchId");
            var name = Field(nameColumn, "name");
            if (wardId.Length == 0)
            {
                throw new CsvImportException(line, "wardId", "The ward id is empty.");
            }

            if (!wards.TryGetValue(wardId, out var ward))
            {
                ward = await hierarchy.Unit(wardId).GetInfoAsync();
                wards[wardId] = ward;
            }

            if (!ward.Exists || ward.Level != UnitLevel.Ward)
            {
                throw new CsvImportException(line, "wardId", $"'{wardId}' is not a known ward.");
            }

            if (branchId.Length is 0 or > 64)
            {
                throw new CsvImportException(line, "branchId", "The branch id must have 1 to 64 characters.");
            }

            if (!seen.Add(branchId))
            {
                throw new CsvImportException(line, "branchId", $"Branch '{branchId}' appears twice in the file.");
            }

            var existing = await hierarchy.Unit(branchId).GetInfoAsync();
            if (existing.Exists && (existing.Level != UnitLevel.Branch || existing.ParentId != wardId))
            {
                throw new CsvImportException(line, "branchId", $"'{branchId}' already exists under '{existing.ParentId}'; move it instead of importing it again.");
            }

            if (name.Length is 0 or > 200)
            {
                throw new CsvImportException(line, "name", "The name must have 1 to 200 characters.");
            }

            var members = WholeNumber(line, "membersAtStart", Field(membersColumn, "membersAtStart"), 0, 100_000)
                ?? throw new CsvImportException(line, "membersAtStart", "Members at the start of the year are required.");
            var year = yearColumn >= 0 ? WholeNumber(line, "year", Field(yearColumn, "year"), 1930, 2200) ?? defaultYear : defaultYear;
            var quota = quotaColumn >= 0 ? WholeNumber(line, "quota", Field(quotaColumn, "quota"), 0, 100_000) : null;
            imports.Add((new UnitDefinition(branchId, name, UnitLevel.Branch, wardId), [new YearPlan(year, quota, members)]));
        }

        await hierarchy.ImportUnitsAsync(imports, by);
        return new BranchImportResult(imports.Count, wards.Count);
    }

    private static int? WholeNumber(int line, string field, string text, int min, int max)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new CsvImportException(line, field, $"'{text}' is not a whole number from {min} to {max}.");
        }

        return value;
    }
}
