using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Units;

/// <summary>A unit's own figures for one year: its quota, and at a branch its members at the start of the year and its tally.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitYear(int Quota, int MembersAtStart, Tally Tally)
{
    public static UnitYear Empty { get; } = new(0, 0, Tally.Empty);
}
