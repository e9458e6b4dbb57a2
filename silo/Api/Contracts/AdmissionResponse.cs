using Hierarchy.Grains.Admissions;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>A recorded admission as the API shows it: never the person's name, and the age instead of the birth date.</summary>
public sealed record AdmissionResponse(
    string Id,
    string BranchId,
    string IdempotencyKey,
    DateOnly AdmittedOn,
    Gender Gender,
    int Age,
    bool YouthUnion,
    bool EthnicMinority,
    bool Religious,
    bool PrivateBusinessOwner,
    Education Education,
    Occupation Occupation,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    DateTimeOffset? RetractedAt,
    string? RetractionReason)
{
    public static AdmissionResponse From(AdmissionRecord record) => new(
        record.Id,
        record.BranchId,
        record.Report.IdempotencyKey,
        record.Report.AdmittedOn,
        record.Report.Gender,
        record.Age,
        record.Report.YouthUnion,
        record.Report.EthnicMinority,
        record.Report.Religious,
        record.Report.PrivateBusinessOwner,
        record.Report.Education,
        record.Report.Occupation,
        record.RecordedAt,
        record.RecordedBy,
        record.RetractedAt,
        record.RetractionReason);
}
