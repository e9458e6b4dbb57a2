namespace Hierarchy.Grains.Indicators;

/// <summary>Running per-year sums of children's indicator counts, added and taken away as their summaries replace each other.</summary>
public sealed class IndicatorSums
{
    private readonly Dictionary<int, IndicatorCounts> years = [];

    public IEnumerable<int> Years => years.Keys;

    public bool Any => years.Count > 0;

    public void Add(IReadOnlyDictionary<int, IndicatorYear>? indicators, int sign)
    {
        if (indicators is null)
        {
            return;
        }

        foreach (var (year, figures) in indicators)
        {
            Add(year, figures.Counts, sign);
        }
    }

    public void Add(int year, IndicatorCounts counts, int sign)
    {
        if (counts.IsEmpty)
        {
            return;
        }

        var sum = (years.TryGetValue(year, out var current) ? current : IndicatorCounts.Empty).Plus(counts, sign);
        if (sum.IsEmpty)
        {
            years.Remove(year);
        }
        else
        {
            years[year] = sum;
        }
    }

    public IndicatorCounts For(int year) => years.TryGetValue(year, out var counts) ? counts : IndicatorCounts.Empty;
}
