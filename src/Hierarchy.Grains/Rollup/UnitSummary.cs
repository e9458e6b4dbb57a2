using System.Collections.Immutable;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Closing;
using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Rollup;

/// <summary>
/// A unit's whole current aggregate, versioned, as it sends it to its parent. Parents keep the latest per child and
/// ignore older versions, so duplicates, retries and reordering cannot double-count.
/// <paramref name="OldestReportAt"/> is when the oldest report first included in this version was acknowledged,
/// which lets the province measure report-to-province delay. <paramref name="Closings"/> are the periods the unit
/// has closed, so its parent lists who has closed without asking. <paramref name="Indicators"/> are the
/// indicator counts over its subtree with its own targets, by year; null where nothing was entered.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UnitSummary(
    string Id,
    string Name,
    UnitLevel Level,
    string? ParentId,
    long Version,
    IReadOnlyDictionary<int, YearFigures> Years,
    ImmutableArray<FeedItem> Recent,
    DateTimeOffset? OldestReportAt = null,
    long QuotaVersion = 0,
    string? Kind = null,
    PipelineFigures? Pipeline = null,
    IReadOnlyList<PeriodClosing>? Closings = null,
    IReadOnlyDictionary<int, IndicatorYear>? Indicators = null)
{
    public YearFigures For(int year) => Years.TryGetValue(year, out var figures) ? figures : YearFigures.Empty;
}
