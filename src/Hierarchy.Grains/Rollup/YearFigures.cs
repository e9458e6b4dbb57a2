namespace Hierarchy.Grains.Rollup;

/// <summary>One unit's figures for one year as it reports them upward: its own quota, members at the start of the year (summed below it) and its tally.</summary>
[GenerateSerializer, Immutable]
public sealed record YearFigures(int Quota, int MembersAtStart, Tally Tally)
{
    public static YearFigures Empty { get; } = new(0, 0, Tally.Empty);
}
