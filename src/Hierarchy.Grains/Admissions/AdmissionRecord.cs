namespace Hierarchy.Grains.Admissions;

/// <summary>An admission in a branch's ledger: the report plus who recorded it and when, and whether it was retracted.</summary>
[GenerateSerializer, Immutable]
public sealed record AdmissionRecord(
    string Id,
    string BranchId,
    AdmissionReport Report,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    DateTimeOffset? RetractedAt = null,
    string? RetractionReason = null)
{
    public bool IsRetracted => RetractedAt is not null;

    public int Age => AgeBands.AgeOn(Report.BirthDate, Report.AdmittedOn);

    /// <summary>The record as it may leave the branch: everything but the person's name.</summary>
    public AdmissionRecord WithoutName() => Report.Name is null ? this : this with { Report = Report with { Name = null } };
}
