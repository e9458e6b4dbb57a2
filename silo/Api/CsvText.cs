using System.Text;

namespace Hierarchy.Silo.Api;

/// <summary>Just enough RFC 4180 for uploads and exports: quoted fields with commas, quotes and line breaks.</summary>
public static class CsvText
{
    /// <summary>UTF-8 with a byte-order mark, so that Excel opens Vietnamese text correctly.</summary>
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Records with the line each starts on; blank lines are skipped.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var anyContent = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    anyContent = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    anyContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (anyContent || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return (recordLine, fields);
                    }

                    fields = [];
                    field.Clear();
                    anyContent = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    anyContent = true;
                    break;
            }
        }

        if (anyContent || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }

    public static string Line(IEnumerable<object?> values) => Line(values, CsvFormat.Comma);

    public static string Line(IEnumerable<object?> values, CsvFormat format) =>
        string.Join(format.Separator, values.Select(v => Escape(v, format))) + "\r\n";

    private static string Escape(object? value, CsvFormat format)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("0.####", format.Numbers),
            decimal m => m.ToString("0.####", format.Numbers),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) && value is string)
        {
            text = "'" + text;
        }

        return text.IndexOfAny([format.Separator, '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
