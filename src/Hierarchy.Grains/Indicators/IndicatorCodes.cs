namespace Hierarchy.Grains.Indicators;

/// <summary>The codes of refusals of indicator figures and targets, so that a caller can word them in its own language.</summary>
public static class IndicatorCodes
{
    /// <summary>A count out of range: its largest allowed value.</summary>
    public const string CountOutOfRange = "indicators.countOutOfRange";

    /// <summary>A percentage target outside 0–100.</summary>
    public const string PercentOutOfRange = "indicators.percentOutOfRange";

    /// <summary>A part larger than its whole: the part, the whole.</summary>
    public const string PartAboveWhole = "indicators.partAboveWhole";

    /// <summary>The year is closed at the unit: unit, year, closed by, closed at.</summary>
    public const string YearClosed = "indicators.yearClosed";
}
