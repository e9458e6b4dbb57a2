namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// The part of a scenario that changes with every edit, kept apart from the snapshot so an edit writes a few
/// kilobytes rather than the whole subtree: quotas that differ from the snapshot, locks, and the edits for undo.
/// </summary>
[GenerateSerializer]
public sealed class ScenarioState
{
    [Id(0)]
    public ScenarioSummary? Summary { get; set; }

    [Id(1)]
    public Dictionary<string, int> Quotas { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public List<string> Locked { get; set; } = [];

    [Id(3)]
    public List<RecordedEdit> Edits { get; set; } = [];
}
