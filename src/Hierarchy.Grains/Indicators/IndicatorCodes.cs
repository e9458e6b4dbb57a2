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

    /// <summary>An imported row names no known unit: the id.</summary>
    public const string UnknownUnit = "indicators.unknownUnit";

    /// <summary>An imported row names a unit outside the subtree of the upload: the id, the unit uploaded to.</summary>
    public const string OutsideSubtree = "indicators.outsideSubtree";

    /// <summary>A unit twice in one file for one year: the id, the year.</summary>
    public const string Duplicate = "indicators.duplicate";

    /// <summary>An imported row for a year closed at its unit: the year, the id, closed by.</summary>
    public const string ImportYearClosed = "indicators.importYearClosed";

    /// <summary>A cell that is not a whole number: the text.</summary>
    public const string NotWholeNumber = "indicators.notWholeNumber";

    /// <summary>A cell that is not a percentage: the text.</summary>
    public const string NotPercentage = "indicators.notPercentage";

    /// <summary>A year cell out of range: the text.</summary>
    public const string YearOutOfRange = "indicators.yearOutOfRange";
}
