namespace Hierarchy.Grains.Closing;

/// <summary>A unit's closings of one year's two periods: the six-month report and the year; null where still open.</summary>
[GenerateSerializer, Immutable]
public sealed record YearClosing(PeriodClosing? FirstHalf, PeriodClosing? Year)
{
    public static YearClosing Of(IEnumerable<PeriodClosing>? closings, int year)
    {
        PeriodClosing? firstHalf = null;
        PeriodClosing? whole = null;
        foreach (var closing in closings ?? [])
        {
            var period = closing.ToPeriod();
            if (period.Year != year)
            {
                continue;
            }

            if (period.FirstHalf)
            {
                firstHalf = closing;
            }
            else
            {
                whole = closing;
            }
        }

        return new YearClosing(firstHalf, whole);
    }
}
