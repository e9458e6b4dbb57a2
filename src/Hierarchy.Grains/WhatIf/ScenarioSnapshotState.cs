namespace Hierarchy.Grains.WhatIf;

/// <summary>The snapshot a scenario was taken from; written once when the scenario is created.</summary>
[GenerateSerializer]
public sealed class ScenarioSnapshotState
{
    [Id(0)]
    public ScenarioSnapshot? Snapshot { get; set; }
}
