using Hierarchy.Grains.Closing;
using Hierarchy.Grains.Indicators;

namespace Hierarchy.Grains.Units;

[GenerateSerializer, Immutable]
public sealed record ChildView(
    string Id,
    string Name,
    UnitLevel Level,
    int Quota,
    int Admitted,
    double? Progress,
    int Projected,
    int MembersAtStart,
    ProgressStatus Status,
    long QuotaVersion,
    string? Kind = null,
    ChildCandidates? Candidates = null,
    YearClosing? Closing = null,
    IndicatorView? Indicators = null)
{
    /// <summary>The party organisation (Đảng bộ …, Chi bộ …), beside <see cref="Name"/>, the administrative name.</summary>
    public string PartyName => PartyNames.Organisation(Level, Name);

    /// <summary>The name of the unit's level as it carries it (Phường, Đặc khu, Đảng bộ khối).</summary>
    public string LevelName => LevelNames.Of(Level, Kind);
}
