namespace Hierarchy.Grains.Indicators;

/// <summary>
/// The targets a unit's resolution sets for its whole subtree for one year, beside the admission quota: party members
/// as a share of the population (3.85 %), at most so many residential groups with no member (0), the share of
/// residential-group leaders who are members (90 %), and the candidates the youth union introduces (100 a year).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorTargets(
    decimal? MembersPerPopulationPercent = null,
    int? GroupsWithoutMembers = null,
    decimal? LeaderSharePercent = null,
    int? YouthUnionIntroductions = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => MembersPerPopulationPercent is null && GroupsWithoutMembers is null && LeaderSharePercent is null && YouthUnionIntroductions is null;
}
