namespace Hierarchy.Grains.Units;

/// <summary>One change to a unit as the audit log shows it: what, who, when — never a person's name.</summary>
[GenerateSerializer, Immutable]
public sealed record AuditEntry(long Sequence, string UnitId, string Kind, string Summary, string By, DateTimeOffset At);
