namespace Hierarchy.Grains.WhatIf;

[GenerateSerializer, Immutable]
public sealed record LockChange(string UnitId, bool Locked);
