namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// An admission as a branch sends it. Dates are <c>yyyy-MM-dd</c>; enums are camelCase strings; the yes/no fields
/// default to false when left out. Everything arrives as text so that each bad value is reported against its field.
/// </summary>
public sealed class AdmissionRequest
{
    public string? IdempotencyKey { get; set; }

    public string? AdmittedOn { get; set; }

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

    /// <summary>Optional; kept in the branch's ledger only and never returned.</summary>
    public string? Name { get; set; }
}
