using Hierarchy.Grains.Import;

namespace Hierarchy.Grains.Reform;

/// <summary>
/// The official table from the old units to the new ones (Bảng chuyển đổi đơn vị hành chính), header
/// <c>new_province_id,new_unit_id,new_unit_name,old_province_id,old_district_id,old_ward_id,old_ward_name,how</c>.
/// An old ward with rows to several new units was split; a row with no old ward is an island district that became
/// a special zone whole.
/// </summary>
public sealed class ConversionTable
{
    private static readonly string[] Columns = ["new_province_id", "new_unit_id", "new_unit_name", "old_province_id", "old_district_id", "old_ward_id", "old_ward_name", "how"];

    private ConversionTable(IReadOnlyList<ConversionRow> rows)
    {
        Rows = rows;
        ByOldWard = rows.Where(r => r.OldWardId.Length > 0).ToLookup(r => r.OldWardId, StringComparer.Ordinal);
        ByOldDistrict = rows.Where(r => r.OldWardId.Length == 0).ToLookup(r => r.OldDistrictId, StringComparer.Ordinal);
        ByOldProvince = rows.ToLookup(r => r.OldProvinceId, StringComparer.Ordinal);
    }

    public IReadOnlyList<ConversionRow> Rows { get; }

    public ILookup<string, ConversionRow> ByOldWard { get; }

    /// <summary>Rows for a whole old district that had no wards (the island districts).</summary>
    public ILookup<string, ConversionRow> ByOldDistrict { get; }

    public ILookup<string, ConversionRow> ByOldProvince { get; }

    public static ConversionTable Read(TextReader csv)
    {
        var rows = CsvLines.Read(csv).ToList();
        if (rows.Count == 0)
        {
            throw new CsvImportException([new(1, "header", $"The file is empty; expected the header {string.Join(',', Columns)}.")]);
        }

        var header = rows[0].Fields.Select(f => f.TrimStart('\uFEFF')).ToList();
        var missing = Columns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).Select(c => new CsvLineError(rows[0].Line, c, "This column is missing from the header.")).ToList();
        if (missing.Count > 0)
        {
            throw new CsvImportException(missing);
        }

        var at = Columns.Select(c => header.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
        var errors = new List<CsvLineError>();
        var result = new List<ConversionRow>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Count < header.Count)
            {
                errors.Add(new CsvLineError(line, Columns[Math.Min(fields.Count, Columns.Length - 1)], "The row has too few fields."));
                continue;
            }

            var row = new ConversionRow(line, fields[at[0]], fields[at[1]], fields[at[2]], fields[at[3]], fields[at[4]], fields[at[5]], fields[at[6]], fields[at[7]]);
            if (row.NewUnitId.Length == 0 || row.NewProvinceId.Length == 0)
            {
                errors.Add(new CsvLineError(line, row.NewUnitId.Length == 0 ? "new_unit_id" : "new_province_id", "The new unit is empty."));
            }
            else if (row.OldWardId.Length == 0 && row.OldDistrictId.Length == 0)
            {
                errors.Add(new CsvLineError(line, "old_ward_id", "Neither an old ward nor an old district is given."));
            }
            else
            {
                result.Add(row);
            }
        }

        return errors.Count > 0 ? throw new CsvImportException(errors) : new ConversionTable(result);
    }
}
