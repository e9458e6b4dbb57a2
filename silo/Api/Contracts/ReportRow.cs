namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// One row of the statistics form for new admissions: this period, the same period last year, and this period as a
/// percentage of last year's (null when last year had none).
/// </summary>
public sealed record ReportRow(string Group, string Key, double ThisPeriod, double LastYear, double? Percent);
