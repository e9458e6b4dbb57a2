using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Units;

/// <summary>
/// The durable state of a unit grain. A branch appends admissions to its ledger without rewriting it and rebuilds its
/// totals from the ledger on activation; other units checkpoint it shortly after a change, and only then acknowledge
/// their children.
/// </summary>
public sealed class UnitState
{
    public string? Name { get; set; }

    public UnitLevel Level { get; set; }

    public string? ParentId { get; set; }

    public string? Kind { get; set; }

    public string? MergedInto { get; set; }

    public Dictionary<int, UnitYear> Years { get; set; } = [];

    public TermTarget? Term { get; set; }

    /// <summary>The latest aggregate of each child (without its feed), by child id.</summary>
    public Dictionary<string, UnitSummary> Children { get; set; } = [];

    /// <summary>The latest admissions in this unit's subtree, newest first.</summary>
    public List<FeedItem> Recent { get; set; } = [];

    public long Version { get; set; }

    /// <summary>The highest version of ours that the parent has durably taken in.</summary>
    public long AckedVersion { get; set; }

    public long QuotaVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
