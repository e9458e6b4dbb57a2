using Hierarchy.Grains.Indicators;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// A unit's own indicator figures and targets for a year, replacing what it had (a figure left out is not known here;
/// the unit's totals add the units below). Shares are percentages: <c>"leaderSharePercent": 90</c>.
/// </summary>
public sealed record IndicatorRequest(
    long? Population = null,
    int? ResidentialGroups = null,
    int? GroupsWithoutMembers = null,
    int? GroupLeaders = null,
    int? LeadersWhoAreMembers = null,
    IndicatorTargets? Targets = null)
{
    public IndicatorFigures Figures => new(Population, ResidentialGroups, GroupsWithoutMembers, GroupLeaders, LeadersWhoAreMembers);
}
