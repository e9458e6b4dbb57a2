using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Closing;
using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// One unit for one year as the API and the stream send it. <c>progress</c> and <c>admissionRate</c> are ratios
/// (0.221 = 22.1 %); <c>projected</c> is the year-end run-rate projection; <c>lastYear</c> is the same period of the
/// previous year; <c>quotaVersion</c> (also the ETag) is what a quota change must quote in If-Match. <c>name</c> is the
/// administrative name, <c>partyName</c> the party organisation's (Đảng bộ quận Liên Chiểu, Chi bộ Tổ dân phố 26).
/// <c>level</c> is the kind of place in the tree (province, district, ward, organisation, branch) and <c>levelName</c>
/// the name of the level the unit carries (Phường, Đặc khu, Đảng bộ khối). Across a restructuring, a new unit lists
/// the former units it was formed from in <c>predecessors</c> ({id, name, level, lastDay}); a former unit has its
/// <c>lastDay</c> and names the units it went into in <c>successors</c>. <c>candidates</c> counts the candidate sources
/// now at each stage of the procedure, <c>introducedBy</c> the year's introductions by who introduced them, <c>overdue</c>
/// the open cases past a deadline the rules set; <c>pipeline</c> has their breakdowns, the year's outcomes and the
/// forecast with the candidates past the branch resolution counted as likely admissions. <c>closings</c> lists every
/// period closed at the unit ({period, closedBy, closedAt}); <c>closing</c> and each child's <c>closing</c> hold the
/// year's two periods, <c>firstHalf</c> (the six-month report) and <c>year</c>, each a closing or null while open.
/// <c>indicators</c> holds the targets the resolutions set beside the quota (members against the population, residential
/// groups with no member, group leaders who are members, the youth union's introductions) over the subtree, each with
/// the unit's target and whether it is met; each child carries its own, or null when nothing is entered below it.
/// </summary>
public sealed record UnitResponse(
    string Id,
    string Name,
    string PartyName,
    UnitLevel Level,
    string LevelName,
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
    DateOnly? LastDay,
    IReadOnlyList<UnitLink> Predecessors,
    IReadOnlyList<UnitLink> Successors,
    IReadOnlyDictionary<string, int> Candidates,
    IReadOnlyDictionary<string, int> IntroducedBy,
    int Overdue,
    PipelineView Pipeline,
    IReadOnlyList<PeriodClosing> Closings,
    YearClosing Closing,
    IndicatorView Indicators)
{
    public static UnitResponse From(UnitView view) => new(
        view.Id,
        view.Name,
        PartyNames.Organisation(view.Level, view.Name),
        view.Level,
        view.LevelName,
        view.ParentId,
        view.Year,
        view.Quota,
        view.Admitted,
        view.MembersAtStart,
        view.Progress,
        view.AdmissionRate,
        view.Projected,
        view.Status,
        view.ChildrenQuota,
        view.Breakdown,
        view.LastYear,
        view.Children,
        view.Version,
        view.QuotaVersion,
        view.UpdatedAt,
        view.Term,
        view.TermAdmitted,
        view.Weekly,
        view.LastYearWeekly,
        view.Recent,
        view.DaysElapsed,
        view.DaysInYear,
        view.RetiredOn,
        view.Predecessors ?? [],
        view.Successors ?? [],
        view.Pipeline?.AtStage ?? new Dictionary<string, int>(),
        view.Pipeline?.IntroducedBy ?? new Dictionary<string, int>(),
        view.Pipeline?.Overdue ?? 0,
        view.Pipeline ?? PipelineView.From(null, view.Year, DateOnly.FromDayNumber(0), view.Projected),
        view.Closings ?? [],
        YearClosing.Of(view.Closings, view.Year),
        view.Indicators ?? IndicatorView.From(view.Year, null, view.MembersAtStart + view.Admitted, 0));
}
