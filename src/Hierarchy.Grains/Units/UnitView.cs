using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Closing;
using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Units;

/// <summary>Everything a reader sees of one unit for one year: figures, breakdown, last year beside them, and its children.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitView(
    string Id,
    string Name,
    UnitLevel Level,
    string? ParentId,
    int Year,
    int Quota,
    int Admitted,
    int MembersAtStart,
    double? Progress,
    double? AdmissionRate,
    int Projected,
    ProgressStatus Status,
    int ChildrenQuota,
    Breakdown Breakdown,
    LastYearView LastYear,
    IReadOnlyList<ChildView> Children,
    long Version,
    long QuotaVersion,
    DateTimeOffset UpdatedAt,
    TermTarget? Term,
    int? TermAdmitted,
    IReadOnlyList<int> Weekly,
    IReadOnlyList<int> LastYearWeekly,
    IReadOnlyList<FeedItem> Recent,
    int DaysElapsed,
    int DaysInYear,
    string? Kind = null,
    DateOnly? RetiredOn = null,
    IReadOnlyList<UnitLink>? Predecessors = null,
    IReadOnlyList<UnitLink>? Successors = null,
    PipelineView? Pipeline = null,
    IReadOnlyList<PeriodClosing>? Closings = null,
    IndicatorView? Indicators = null)
{
    /// <summary>The name of the unit's level as it carries it (Phường, Đặc khu, Đảng bộ khối).</summary>
    public string LevelName => LevelNames.Of(Level, Kind);
}
