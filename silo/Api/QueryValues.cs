using System.Globalization;
using Hierarchy.Grains.Admissions;
using Hierarchy.Silo.Localization;

namespace Hierarchy.Silo.Api;

/// <summary>Query-string values parsed by hand so that a bad one is a problem naming its parameter, not a bare 400.</summary>
public static class QueryValues
{
    public const int MinYear = 1930;
    public const int MaxYear = 2200;

    public static int Year(string? text, int fallback, List<ValidationError> errors, string field = "year") =>
        Int(text, fallback, MinYear, MaxYear, errors, field);

    public static int Int(string? text, int fallback, int min, int max, List<ValidationError> errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(new(field, Messages.WholeNumberRange.Format(min, max)));
            return fallback;
        }

        return value;
    }

    public static DateOnly Date(string? text, DateOnly fallback, List<ValidationError> errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return AdmissionRequestParser.Date(text, field, errors) ?? fallback;
    }
}
