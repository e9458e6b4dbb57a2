namespace Hierarchy.Silo.Api.Contracts;

public sealed record AuditEntryResponse(long Sequence, string UnitId, string Kind, string Summary, string By, DateTimeOffset At);
