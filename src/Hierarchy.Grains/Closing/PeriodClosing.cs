namespace Hierarchy.Grains.Closing;

/// <summary>
/// A period closed at a unit: who closed it and when. Stored in the unit's state, journaled as a change, and sent up
/// with the unit's summary so its parent lists who has closed without asking.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PeriodClosing(string Period, string ClosedBy, DateTimeOffset ClosedAt)
{
    public ClosingPeriod ToPeriod() => ClosingPeriod.Parse(Period);
}
