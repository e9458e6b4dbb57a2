using System.Globalization;

namespace Hierarchy.Grains.Closing;

/// <summary>
/// A period a board closes its figures for: a year (<c>2026</c>, 1 January to 31 December) or the six-month report
/// (<c>2026-H1</c>, 1 January to 30 June), written as its <see cref="Key"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ClosingPeriod(int Year, bool FirstHalf)
{
    public const int MinYear = 1930;
    public const int MaxYear = 2200;

    private const string FirstHalfSuffix = "-H1";

    public string Key => FirstHalf ? Year.ToString(CultureInfo.InvariantCulture) + FirstHalfSuffix : Year.ToString(CultureInfo.InvariantCulture);

    public DateOnly From => new(Year, 1, 1);

    public DateOnly To => FirstHalf ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

    /// <summary>The first day the period can be closed: the day after its last, once every report dated in it could have come in.</summary>
    public DateOnly ClosableFrom => To.AddDays(1);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The two periods of a year, the six-month report first.</summary>
    public static IReadOnlyList<ClosingPeriod> Of(int year) => [new(year, true), new(year, false)];

    /// <summary>Reads <c>2026</c> or <c>2026-H1</c> (the H in either case); anything else is not a period.</summary>
    public static bool TryParse(string? text, out ClosingPeriod period)
    {
        period = null!;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var firstHalf = value.EndsWith(FirstHalfSuffix, StringComparison.OrdinalIgnoreCase);
        var yearText = firstHalf ? value[..^FirstHalfSuffix.Length] : value;
        if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < MinYear or > MaxYear)
        {
            return false;
        }

        period = new ClosingPeriod(year, firstHalf);
        return true;
    }

    public static ClosingPeriod Parse(string key) =>
        TryParse(key, out var period) ? period : throw new FormatException($"'{key}' is not a closing period (2026 or 2026-H1).");

    /// <summary>How the domain's English messages name the period.</summary>
    public string Describe() => FirstHalf
        ? string.Create(CultureInfo.InvariantCulture, $"the first half of {Year}")
        : string.Create(CultureInfo.InvariantCulture, $"the year {Year}");

    public override string ToString() => Key;
}
