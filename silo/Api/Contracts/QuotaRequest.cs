namespace Hierarchy.Silo.Api.Contracts;

/// <summary>A unit's quota of admissions for a year; send the unit's <c>quotaVersion</c> in If-Match.</summary>
public sealed class QuotaRequest
{
    public int? Year { get; set; }

    public int? Admissions { get; set; }
}
