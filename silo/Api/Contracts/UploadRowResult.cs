namespace Hierarchy.Silo.Api.Contracts;

public sealed record UploadRowResult(int Line, string IdempotencyKey, string Outcome, string? AdmissionId, string? Error);
