using System.Collections.Immutable;

namespace Hierarchy.Grains.WhatIf;

/// <summary>A scenario's quotas and run-rate projections by unit, so another scenario can be compared with it.</summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioAllocation(
    string ScenarioId,
    string Name,
    string RootUnitId,
    int Year,
    ImmutableArray<string> Ids,
    ImmutableArray<int> Quotas,
    ImmutableArray<int> Projected);
