namespace Hierarchy.Grains.WhatIf;

/// <summary>The snapshot a scenario was taken from; written once when the scenario is created.</summary>
public sealed class ScenarioSnapshotState
{
    public ScenarioSnapshot? Snapshot { get; set; }
}
