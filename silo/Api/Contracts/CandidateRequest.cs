namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// A candidate as a branch first records them. Dates are <c>yyyy-MM-dd</c>; enums are camelCase strings; the yes/no
/// fields default to false when left out. Everything arrives as text so that each bad value is reported against its field.
/// </summary>
public sealed class CandidateRequest
{
    public string? IdempotencyKey { get; set; }

    /// <summary>youthUnion, massOrganisation or members (two party members).</summary>
    public string? IntroducedBy { get; set; }

    public string? IntroducedOn { get; set; }

    /// <summary>"female" or "male".</summary>
    public string? Gender { get; set; }

    public string? BirthDate { get; set; }

    public bool? YouthUnion { get; set; }

    public bool? EthnicMinority { get; set; }

    public bool? Religious { get; set; }

    public bool? PrivateBusinessOwner { get; set; }

    /// <summary>lowerSecondary, upperSecondary, vocational, university, postgraduate.</summary>
    public string? Education { get; set; }

    /// <summary>stateCadre, publicService, enterpriseWorker, farmer, armedForces, student, other.</summary>
    public string? Occupation { get; set; }

    /// <summary>Optional; kept at the branch and returned to its own secretary only.</summary>
    public string? Name { get; set; }
}
