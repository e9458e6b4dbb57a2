using Orleans;
using Orleans.Concurrency;

namespace Hierarchy.Grains.Indicators;

/// <summary>
/// The indicators the resolutions set, a face of the same unit grain as <see cref="Units.IUnitGrain"/>: a unit records
/// its own figures and targets per year; the figures roll up with its summary, and each unit's view shows them over
/// its subtree beside its targets.
/// </summary>
public interface IUnitIndicatorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Replaces the unit's own figures and targets for the year (null: none); every refusal at once, and nothing changed
    /// by one. With <paramref name="expectedVersion"/>, a change made since that version is a conflict, never a lost update.
    /// </summary>
    [Idempotent]
    Task<IndicatorResult> SetIndicatorsAsync(int year, IndicatorFigures? figures, IndicatorTargets? targets, string by, long? expectedVersion = null);

    /// <summary>What the unit itself recorded, by year.</summary>
    [ReadOnly]
    Task<IReadOnlyDictionary<int, UnitIndicators>> GetOwnIndicatorsAsync();
}
