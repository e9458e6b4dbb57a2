using Hierarchy.Grains.Closing;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>A period closed at a unit: the days it covers, who closed it and when.</summary>
public sealed record ClosingResponse(string UnitId, string Period, DateOnly From, DateOnly To, string ClosedBy, DateTimeOffset ClosedAt)
{
    public static ClosingResponse Of(string unitId, PeriodClosing closing)
    {
        var period = closing.ToPeriod();
        return new ClosingResponse(unitId, closing.Period, period.From, period.To, closing.ClosedBy, closing.ClosedAt);
    }
}
