using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Indicators;

/// <summary>What became of an entry of indicators: recorded, or refused with every reason.</summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorResult(IndicatorOutcome Outcome, IReadOnlyList<ValidationError> Errors)
{
    public static IndicatorResult Updated { get; } = new(IndicatorOutcome.Updated, []);
}
