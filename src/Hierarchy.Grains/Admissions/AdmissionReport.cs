namespace Hierarchy.Grains.Admissions;

/// <summary>
/// One admission as a branch reports it. The idempotency key makes a retried report count once; the name is
/// optional and stays in the branch's ledger record.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AdmissionReport(
    string IdempotencyKey,
    DateOnly AdmittedOn,
    Gender Gender,
    DateOnly BirthDate,
    bool YouthUnion,
    bool EthnicMinority,
    bool Religious,
    bool PrivateBusinessOwner,
    Education Education,
    Occupation Occupation,
    string? Name = null);
