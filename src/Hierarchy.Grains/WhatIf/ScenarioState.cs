namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// The part of a scenario that changes with every edit, kept apart from the snapshot so an edit writes a few
/// kilobytes rather than the whole subtree: quotas that differ from the snapshot, locks, and the edits for undo.
/// </summary>
public sealed class ScenarioState
{
    public ScenarioSummary? Summary { get; set; }

    public Dictionary<string, int> Quotas { get; set; } = new(StringComparer.Ordinal);

    public List<string> Locked { get; set; } = [];

    public List<RecordedEdit> Edits { get; set; } = [];
}
