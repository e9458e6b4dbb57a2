using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>One level of the subtree: how many units miss their quota by run rate and by how much, with no level counted twice.</summary>
[GenerateSerializer, Immutable]
public sealed record LevelTotals(UnitLevel Level, int Units, int ProjectedToMiss, long Shortfall, long Quota, long Projected);
