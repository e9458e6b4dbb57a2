using System.Text.Json.Serialization;
using Hierarchy.Grains.Admissions;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// A recorded admission as the API shows it, with the age instead of the birth date. The person's name is there only
/// for the branch's own secretary, who typed it and needs it to tell two rows apart; anyone else gets no such field.
/// </summary>
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
    string? RetractionReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name)
{
    public static AdmissionResponse From(AdmissionRecord record, bool withName) => new(
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
        record.RetractionReason,
        withName ? record.Report.Name : null);
}
