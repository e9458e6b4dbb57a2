namespace Hierarchy.Grains.Candidates;

/// <summary>The codes of the candidate rules' refusals, so that a caller can word them in its own language.</summary>
public static class CandidateCodes
{
    public const string IntroducedInFuture = "candidate.introducedOn.future";
    public const string IntroducedTooEarly = "candidate.introducedOn.tooEarly";
    public const string AgeOutOfRange = "candidate.birthDate.age";
    public const string UnknownIntroducer = "candidate.introducedBy.unknown";
    public const string KeyReused = "candidate.idempotencyKey.reused";
    public const string NotFound = "candidate.notFound";
    public const string OutOfOrder = "candidate.stage.outOfOrder";
    public const string Closed = "candidate.stage.closed";
    public const string AlreadyAtStage = "candidate.stage.already";
    public const string BeforePrevious = "candidate.on.beforePrevious";
    public const string InFuture = "candidate.on.future";
    public const string CourseExpired = "candidate.course.expired";
    public const string ProbationNotOver = "candidate.on.probation";
    public const string DropReason = "candidate.reason";
}
