using System.Text;

namespace Hierarchy.Grains.Import;

/// <summary>Splits RFC 4180 CSV (quoted fields, doubled quotes) into numbered rows.</summary>
public static class CsvLines
{
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader)
    {
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var start = lineNumber;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; ; i++)
            {
                if (i == line.Length)
                {
                    if (quoted)
                    {
                        var more = reader.ReadLine() ?? throw new FormatException($"line {start}: a quoted field is not closed.");
                        lineNumber++;
                        field.Append('\n');
                        line = more;
                        i = -1;
                        continue;
                    }

                    break;
                }

                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            yield return (start, fields.Select(f => f.Trim()).ToList());
        }
    }
}
