using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Indicators;

namespace Hierarchy.Grains.Rollup;

/// <summary>
/// A parent's per-year sums of its children's members and tallies, kept current as each child's summary replaces its
/// previous one, so building the parent's aggregate costs the same however many children it has.
/// </summary>
public sealed class ChildTotals
{
    private readonly Dictionary<int, YearSums> years = [];
    private readonly PipelineSums pipeline = new();
    private readonly IndicatorSums indicators = new();

    public ChildTotals(IEnumerable<UnitSummary> children)
    {
        foreach (var child in children)
        {
            Add(child, +1);
        }
    }

    /// <summary>Every year any child has reported, including years whose sums have since gone back to zero.</summary>
    public IEnumerable<int> Years => years.Keys;

    public void Replace(UnitSummary? previous, UnitSummary current)
    {
        if (previous is not null)
        {
            Add(previous, -1);
        }

        Add(current, +1);
    }

    public void Remove(UnitSummary previous) => Add(previous, -1);

    /// <summary>The children's candidate figures summed; null when no child has any.</summary>
    public PipelineFigures? Pipeline => pipeline.ToFigures();

    /// <summary>The children's indicator counts summed, by year.</summary>
    public IndicatorSums Indicators => indicators;

    /// <summary>The children's members and tally for a year, as a snapshot the caller may keep.</summary>
    public (int MembersAtStart, Tally Tally) For(int year) =>
        years.TryGetValue(year, out var sums)
            ? (sums.Members, new Tally(ImmutableArray.Create(sums.Values)))
            : (0, Tally.Empty);

    private void Add(UnitSummary child, int sign)
    {
        pipeline.Add(child.Pipeline, sign);
        indicators.Add(child.Indicators, sign);
        if (child.Years is Dictionary<int, YearFigures> map)
        {
            // Summaries are built as plain dictionaries; enumerating one directly avoids boxing its enumerator
            // on every push a parent receives.
            foreach (var (year, figures) in map)
            {
                Add(year, figures, sign);
            }

            return;
        }

        foreach (var (year, figures) in child.Years)
        {
            Add(year, figures, sign);
        }
    }

    private void Add(int year, YearFigures figures, int sign)
    {
        ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(years, year, out var existed);
        if (!existed)
        {
            sums = new YearSums(new int[Tally.Length]);
        }

        sums!.Members += sign * figures.MembersAtStart;
        if (!figures.Tally.Values.IsDefaultOrEmpty)
        {
            var source = figures.Tally.Values.AsSpan();
            var target = sums.Values;
            for (var i = 0; i < Tally.Length; i++)
            {
                target[i] += sign * source[i];
            }
        }
    }

    private sealed class YearSums(int[] values)
    {
        public int[] Values { get; } = values;

        public int Members { get; set; }
    }
}
