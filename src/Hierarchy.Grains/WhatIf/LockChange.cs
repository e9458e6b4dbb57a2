namespace Hierarchy.Grains.WhatIf;

public sealed record LockChange(string UnitId, bool Locked);
