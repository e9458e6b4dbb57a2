using System.Collections.Immutable;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Rollup;

/// <summary>
/// A unit's whole current aggregate, versioned, as it sends it to its parent. Parents keep the latest per child and
/// ignore older versions, so duplicates, retries and reordering cannot double-count.
/// <paramref name="OldestReportAt"/> is when the oldest report first included in this version was acknowledged,
/// which lets the province measure report-to-province delay.
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
    PipelineFigures? Pipeline = null)
{
    public YearFigures For(int year) => Years.TryGetValue(year, out var figures) ? figures : YearFigures.Empty;
}
