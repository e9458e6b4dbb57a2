using Hierarchy.Grains.Import;

namespace Hierarchy.Grains.Reform;

/// <summary>The operator's decisions for branches the table leaves open: CSV with the header <c>branchId,newUnitId</c>.</summary>
public sealed record BranchMapping(IReadOnlyList<(int Line, string UnitId, string NewUnitId)> Rows)
{
    public static BranchMapping Empty { get; } = new([]);

    public static BranchMapping Read(TextReader csv)
    {
        var rows = CsvLines.Read(csv).ToList();
        if (rows.Count == 0)
        {
            return Empty;
        }

        var header = rows[0].Fields.Select(f => f.TrimStart('\uFEFF')).ToList();
        var (unitColumn, targetColumn) = (header.FindIndex(h => h.Equals("branchId", StringComparison.OrdinalIgnoreCase)), header.FindIndex(h => h.Equals("newUnitId", StringComparison.OrdinalIgnoreCase)));
        var missing = new[] { ("branchId", unitColumn), ("newUnitId", targetColumn) }.Where(c => c.Item2 < 0).Select(c => new CsvLineError(rows[0].Line, c.Item1, "This column is missing from the header.")).ToList();
        if (missing.Count > 0)
        {
            throw new CsvImportException(missing);
        }

        var result = new List<(int, string, string)>();
        var errors = new List<CsvLineError>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            var unitId = unitColumn < fields.Count ? fields[unitColumn] : "";
            var target = targetColumn < fields.Count ? fields[targetColumn] : "";
            if (unitId.Length == 0)
            {
                errors.Add(new CsvLineError(line, "branchId", "The branch id is empty."));
            }

            if (target.Length == 0)
            {
                errors.Add(new CsvLineError(line, "newUnitId", "The new unit id is empty."));
            }

            if (unitId.Length > 0 && target.Length > 0)
            {
                result.Add((line, unitId, target));
            }
        }

        return errors.Count > 0 ? throw new CsvImportException(errors) : new BranchMapping(result);
    }
}
