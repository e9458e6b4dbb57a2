namespace Hierarchy.Grains.WhatIf;

[GenerateSerializer, Immutable]
public sealed record QuotaChange(string UnitId, int Before, int After);
