using System.Globalization;
using Hierarchy.Grains.Admissions;

namespace Hierarchy.Silo.Api;

/// <summary>
/// The two CSV shapes offered: commas with decimal points, and semicolons with decimal commas for Excel under
/// Vietnamese regional settings, whose list separator is ";" (with commas it puts each whole row in one cell).
/// </summary>
public sealed class CsvFormat
{
    private CsvFormat(char separator, CultureInfo numbers)
    {
        Separator = separator;
        Numbers = numbers;
    }

    public static CsvFormat Comma { get; } = new(',', CultureInfo.InvariantCulture);

    public static CsvFormat Semicolon { get; } = new(';', CultureInfo.GetCultureInfo("vi-VN"));

    public char Separator { get; }

    /// <summary>How decimals are written; integers never get thousands separators in either shape.</summary>
    public CultureInfo Numbers { get; }

    /// <summary>The <c>separator</c> query value: <c>comma</c> (the default) or <c>semicolon</c>.</summary>
    public static CsvFormat FromQuery(string? text, List<ValidationError> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "comma" or ",":
                return Comma;
            case "semicolon" or ";":
                return Semicolon;
            default:
                errors.Add(new("separator", "Expected comma or semicolon."));
                return Comma;
        }
    }
}
