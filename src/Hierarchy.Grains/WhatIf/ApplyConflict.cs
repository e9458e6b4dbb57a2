namespace Hierarchy.Grains.WhatIf;

/// <summary>A unit whose live quota changed since the snapshot (or that moved or vanished), so the scenario cannot be applied as it is.</summary>
[GenerateSerializer, Immutable]
public sealed record ApplyConflict(string UnitId, string Name, int SnapshotQuota, int? LiveQuota, long SnapshotVersion, long? LiveVersion, string Reason);
