namespace Hierarchy.Grains.Admissions;

[GenerateSerializer, Immutable]
public sealed record AdmissionResult(AdmissionOutcome Outcome, AdmissionRecord? Record, IReadOnlyList<ValidationError> Errors)
{
    public static AdmissionResult Fail(AdmissionOutcome outcome, params ValidationError[] errors) => new(outcome, null, errors);
}
