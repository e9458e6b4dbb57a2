using System.Collections.Immutable;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// What the scenario list shows. <paramref name="RootPath"/> holds the ids from the province down to the root, so a
/// caller's scope can be checked without walking the tree again.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioSummary(
    string Id,
    string Name,
    string Author,
    string RootUnitId,
    string RootName,
    UnitLevel RootLevel,
    ImmutableArray<string> RootPath,
    int Year,
    ScenarioStatus Status,
    DateTimeOffset CreatedAt,
    int Units,
    string? AppliedBy = null,
    DateTimeOffset? AppliedAt = null,
    int AppliedUnits = 0);
