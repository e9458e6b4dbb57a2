namespace Hierarchy.Silo.Api.Contracts;

/// <summary>A period reopened: the closing that was lifted, and every unit reopened with it, parents before children.</summary>
public sealed record ReopenResponse(string UnitId, string Period, string ClosedBy, DateTimeOffset ClosedAt, IReadOnlyList<ClosingUnitResponse> Reopened);
