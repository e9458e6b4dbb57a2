namespace Hierarchy.Grains.Indicators;

/// <summary>
/// The figures a unit enters for its own territory for one year, as its plans count them: the population, the
/// residential groups (tổ dân phố, thôn, ấp) and how many have no party member, and the groups' leaders and how many
/// of them are members. A figure left out is not known here; a unit's totals are its own figures plus those below it,
/// so each figure is entered once, where it is known (usually at the commune or ward).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorFigures(
    long? Population = null,
    int? ResidentialGroups = null,
    int? GroupsWithoutMembers = null,
    int? GroupLeaders = null,
    int? LeadersWhoAreMembers = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Population is null && ResidentialGroups is null && GroupsWithoutMembers is null && GroupLeaders is null && LeadersWhoAreMembers is null;
}
