namespace Hierarchy.Grains.Indicators;

/// <summary>
/// A unit's indicators for one year as a reader sees them: each figure over the subtree beside the unit's target and
/// whether it is met (null while there is no target or nothing to measure it by). Members are those at the start of the
/// year plus the year's admissions; the youth union's introductions are counted from the candidate sources. Shares are
/// percentages (3.45 = 3.45 %). <see cref="Own"/> is what the unit itself entered, for its editor, and
/// <see cref="Version"/> the version of that entry to quote in If-Match (0 in a parent's rows of its children).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorView(
    int Year,
    long Population,
    int Members,
    double? MembersPerPopulationPercent,
    int ResidentialGroups,
    int GroupsWithoutMembers,
    int GroupLeaders,
    int LeadersWhoAreMembers,
    double? LeaderSharePercent,
    int YouthUnionIntroductions,
    int Reporting,
    IndicatorTargets? Targets,
    bool? MembersPerPopulationMet,
    bool? GroupsWithoutMembersMet,
    bool? LeaderShareMet,
    bool? YouthUnionIntroductionsMet,
    IndicatorFigures? Own = null,
    long Version = 0)
{
    public static IndicatorView From(int year, IndicatorYear? indicators, int members, int youthUnionIntroductions, IndicatorFigures? own = null, long version = 0)
    {
        var counts = indicators?.Counts ?? IndicatorCounts.Empty;
        var targets = indicators?.Targets;
        var membersShare = Percent(members, counts.Population);
        var leaderShare = Percent(counts.LeadersWhoAreMembers, counts.GroupLeaders);
        return new IndicatorView(
            year,
            counts.Population,
            members,
            membersShare,
            counts.ResidentialGroups,
            counts.GroupsWithoutMembers,
            counts.GroupLeaders,
            counts.LeadersWhoAreMembers,
            leaderShare,
            youthUnionIntroductions,
            counts.Reporting,
            targets,
            targets?.MembersPerPopulationPercent is { } membersTarget && membersShare is { } share ? (decimal)share >= membersTarget : null,
            targets?.GroupsWithoutMembers is { } groupsTarget && counts.ResidentialGroups > 0 ? counts.GroupsWithoutMembers <= groupsTarget : null,
            targets?.LeaderSharePercent is { } leaderTarget && leaderShare is { } leaders ? (decimal)leaders >= leaderTarget : null,
            targets?.YouthUnionIntroductions is { } youthTarget ? youthUnionIntroductions >= youthTarget : null,
            own,
            version);
    }

    /// <summary>Whether there is anything to show: figures, targets or introductions.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasAny => Reporting > 0 || Targets is not null || YouthUnionIntroductions > 0;

    private static double? Percent(long part, long whole) => whole <= 0 ? null : Math.Round(100.0 * part / whole, 2);
}
