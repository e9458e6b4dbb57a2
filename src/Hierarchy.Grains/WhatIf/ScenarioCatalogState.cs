namespace Hierarchy.Grains.WhatIf;

public sealed class ScenarioCatalogState
{
    public Dictionary<string, ScenarioSummary> Scenarios { get; set; } = new(StringComparer.Ordinal);
}
