using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// A scenario as a planner sees it around one unit (the focus, the root unless asked otherwise): the totals under the
/// scenario and under the live allocation, the focus and its children, what changed against live (and against another
/// scenario when asked), the edits so far and the locked units.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioReport(
    ScenarioSummary Scenario,
    DateTimeOffset SnapshotTakenAt,
    int DaysElapsed,
    int DaysInYear,
    ScenarioTotals Totals,
    ScenarioTotals LiveTotals,
    IReadOnlyList<PathItem> Path,
    UnitProjection Focus,
    IReadOnlyList<UnitProjection> Children,
    ScenarioComparison Comparison,
    ScenarioComparison? ComparedWithScenario,
    IReadOnlyList<RecordedEdit> Edits,
    IReadOnlyList<string> Locked);
