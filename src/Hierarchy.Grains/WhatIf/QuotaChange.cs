namespace Hierarchy.Grains.WhatIf;

public sealed record QuotaChange(string UnitId, int Before, int After);
