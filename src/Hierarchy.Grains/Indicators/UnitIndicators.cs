namespace Hierarchy.Grains.Indicators;

/// <summary>What one unit recorded of the indicators for one year: its own figures and its targets, either possibly absent.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitIndicators(IndicatorFigures? Figures, IndicatorTargets? Targets)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => (Figures is null || Figures.IsEmpty) && (Targets is null || Targets.IsEmpty);
}
