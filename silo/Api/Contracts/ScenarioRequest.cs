namespace Hierarchy.Silo.Api.Contracts;

/// <summary>A new what-if scenario over a unit's subtree for a year (the current year when left out).</summary>
public sealed class ScenarioRequest
{
    public string? Name { get; set; }

    public string? RootUnitId { get; set; }

    public int? Year { get; set; }
}
