namespace Hierarchy.Grains.WhatIf;

[GenerateSerializer]
public sealed class ScenarioCatalogState
{
    [Id(0)]
    public Dictionary<string, ScenarioSummary> Scenarios { get; set; } = new(StringComparer.Ordinal);
}
