using System.Collections.Immutable;

namespace Hierarchy.Grains.WhatIf;

/// <summary>The live figures of a subtree for one year at one moment; projections count days as of that moment.</summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioSnapshot(
    string RootUnitId,
    int Year,
    DateTimeOffset TakenAt,
    int DaysElapsed,
    int DaysInYear,
    ImmutableArray<SnapshotUnit> Units);
