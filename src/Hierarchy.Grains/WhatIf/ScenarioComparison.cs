namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// A scenario against another allocation — the live one it was taken from (<see cref="Against"/> "live") or another
/// scenario (its id) — listing only the units that differ, parents first, at most <see cref="ScenarioComparer.MaxChanges"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioComparison(
    string Against,
    string AgainstName,
    int ChangedUnits,
    int NewlyMissing,
    int NoLongerMissing,
    IReadOnlyList<UnitChange> Changes,
    bool Truncated);
