using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Indicators;

/// <summary>What became of an entry of indicators: recorded, or refused with every reason; <see cref="Version"/> is the unit's indicators version after it.</summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorResult(IndicatorOutcome Outcome, IReadOnlyList<ValidationError> Errors, long Version = 0);
