namespace Hierarchy.Grains.Closing;

/// <summary>
/// The codes of refusals about closed periods, so that a caller can word them in its own language. Their arguments
/// name units by their party organisation, periods by key (<c>2026-H1</c>), days as yyyy-MM-dd and moments as
/// yyyy-MM-dd HH:mm in the business time zone.
/// </summary>
public static class ClosingCodes
{
    /// <summary>An admission or correction dated in a closed period: unit, day, then period, closed by, closed at for each closing that covers the day.</summary>
    public const string PeriodClosed = "closing.periodClosed";

    /// <summary>Rows of a batch not recorded because others in it are dated in a closed period.</summary>
    public const string BatchRefused = "closing.batchRefused";

    /// <summary>A parent whose children have not all closed: period, unit, how many are open, their names.</summary>
    public const string ChildrenOpen = "closing.childrenOpen";

    /// <summary>A unit reopened alone while the unit above is closed: unit, parent, period, closed by, closed at.</summary>
    public const string ParentClosed = "closing.parentClosed";

    /// <summary>Reopening a period that is not closed: period, unit.</summary>
    public const string NotClosed = "closing.notClosed";

    /// <summary>Closing a period before it ended: period, its last day, the first day it can be closed.</summary>
    public const string NotEnded = "closing.notEnded";
}
