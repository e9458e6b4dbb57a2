namespace Hierarchy.Grains.Import;

/// <summary>The first row of an import file: its columns found by name, whatever their order and case.</summary>
internal sealed class CsvHeader
{
    private readonly List<string> names;

    private CsvHeader(List<string> names) => this.names = names;

    /// <summary>The header of <paramref name="rows"/>; an empty file, or one missing a required column, is refused naming each.</summary>
    public static CsvHeader Read(IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> rows, IReadOnlyList<string> required)
    {
        if (rows.Count == 0)
        {
            throw new CsvImportException([new(1, "header", $"The file is empty; expected the header {string.Join(',', required)}.")]);
        }

        var header = new CsvHeader(rows[0].Fields.Select(f => f.TrimStart('\uFEFF')).ToList());
        var missing = required
            .Where(column => header.Column(column) < 0)
            .Select(column => new CsvLineError(rows[0].Line, column, "This column is missing from the header."))
            .ToList();
        if (missing.Count > 0)
        {
            throw new CsvImportException(missing);
        }

        return header;
    }

    /// <summary>The index of the column, or -1 when the header lacks it.</summary>
    public int Column(string name) => names.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
}
