namespace Hierarchy.Grains.Indicators;

/// <summary>
/// Indicator figures summed over a subtree: a parent's counts are its own figures plus its children's counts, by the
/// same invariant as admissions. <see cref="Reporting"/> is how many units of the subtree entered any figure, so a
/// reader sees how complete a sum is.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorCounts(long Population, int ResidentialGroups, int GroupsWithoutMembers, int GroupLeaders, int LeadersWhoAreMembers, int Reporting)
{
    public static IndicatorCounts Empty { get; } = new(0, 0, 0, 0, 0, 0);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => this == Empty;

    public static IndicatorCounts From(IndicatorFigures? figures) =>
        figures is null || figures.IsEmpty
            ? Empty
            : new(figures.Population ?? 0, figures.ResidentialGroups ?? 0, figures.GroupsWithoutMembers ?? 0, figures.GroupLeaders ?? 0, figures.LeadersWhoAreMembers ?? 0, 1);

    public IndicatorCounts Plus(IndicatorCounts other, int sign = 1) => new(
        Population + sign * other.Population,
        ResidentialGroups + sign * other.ResidentialGroups,
        GroupsWithoutMembers + sign * other.GroupsWithoutMembers,
        GroupLeaders + sign * other.GroupLeaders,
        LeadersWhoAreMembers + sign * other.LeadersWhoAreMembers,
        Reporting + sign * other.Reporting);
}
