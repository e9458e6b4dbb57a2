namespace Hierarchy.Silo.Api.Contracts;

public sealed record ReportResponse(
    string UnitId,
    string UnitName,
    DateOnly From,
    DateOnly To,
    DateOnly LastYearFrom,
    DateOnly LastYearTo,
    IReadOnlyList<ReportRow> Rows);
