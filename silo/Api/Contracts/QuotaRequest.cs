namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// A unit's quota of admissions for a year; send the unit's <c>quotaVersion</c> in If-Match. A quota above the unit's
/// members at the start of the year is refused unless <see cref="Confirm"/> says it is meant.
/// </summary>
public sealed class QuotaRequest
{
    public int? Year { get; set; }

    public int? Admissions { get; set; }

    public bool? Confirm { get; set; }
}
