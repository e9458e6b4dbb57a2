using Hierarchy.Grains.Closing;
using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Units;

/// <summary>
/// The durable state of a unit grain. A branch appends admissions to its ledger without rewriting it and rebuilds its
/// totals from the ledger on activation; other units checkpoint it shortly after a change, and only then acknowledge
/// their children.
/// </summary>
[GenerateSerializer]
public sealed class UnitState
{
    [Id(0)]
    public string? Name { get; set; }

    [Id(1)]
    public UnitLevel Level { get; set; }

    [Id(2)]
    public string? ParentId { get; set; }

    [Id(3)]
    public string? Kind { get; set; }

    [Id(4)]
    public string? MergedInto { get; set; }

    [Id(5)]
    public Dictionary<int, UnitYear> Years { get; set; } = [];

    [Id(6)]
    public TermTarget? Term { get; set; }

    /// <summary>The latest aggregate of each child (without its feed), by child id.</summary>
    [Id(7)]
    public Dictionary<string, UnitSummary> Children { get; set; } = [];

    /// <summary>The latest admissions in this unit's subtree, newest first.</summary>
    [Id(8)]
    public List<FeedItem> Recent { get; set; } = [];

    [Id(9)]
    public long Version { get; set; }

    /// <summary>The highest version of ours that the parent has durably taken in.</summary>
    [Id(10)]
    public long AckedVersion { get; set; }

    [Id(11)]
    public long QuotaVersion { get; set; }

    [Id(12)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The last day of a former unit, frozen with its figures since the tree was restructured; null for a live unit.</summary>
    [Id(13)]
    public DateOnly? RetiredOn { get; set; }

    /// <summary>The units a former unit went into.</summary>
    [Id(14)]
    public List<UnitLink> Successors { get; set; } = [];

    /// <summary>The former units this unit was formed from.</summary>
    [Id(15)]
    public List<UnitLink> Predecessors { get; set; } = [];

    /// <summary>Where this old unit is kept once a new unit takes over its code; cleared when the new unit does.</summary>
    [Id(16)]
    public string? ArchivedAs { get; set; }

    /// <summary>The first day of a unit formed by a restructuring, so a run again knows it is done.</summary>
    [Id(17)]
    public DateOnly? FormedOn { get; set; }

    /// <summary>The periods closed at this unit, by period key (2026, 2026-H1).</summary>
    [Id(30)]
    public Dictionary<string, PeriodClosing> Closings { get; set; } = [];

    /// <summary>The unit's own indicator figures and targets, by year.</summary>
    [Id(31)]
    public Dictionary<int, UnitIndicators> Indicators { get; set; } = [];

    /// <summary>Changes with every change of <see cref="Indicators"/>, so an editor can tell whether what it shows is still current.</summary>
    [Id(32)]
    public long IndicatorsVersion { get; set; }
}
