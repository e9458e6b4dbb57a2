namespace Hierarchy.Grains.Reform;

/// <summary>A branch or organisation of the old tree and the new unit it moves under.</summary>
[GenerateSerializer, Immutable]
public sealed record PlannedMove(string UnitId, string FromId, string ToId);
