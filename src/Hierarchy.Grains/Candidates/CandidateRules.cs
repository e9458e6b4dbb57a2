using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Candidates;

/// <summary>
/// The procedure's rules for recording a candidate and moving one on: stages one after another, never dated before the
/// previous one or in the future, a valid course certificate at the branch resolution, a full probation before
/// membership, and a reason for dropping a candidate.
/// </summary>
public static class CandidateRules
{
    /// <summary>Introduced candidates are young people of the youth union as well; the party admits from 18.</summary>
    public const int MinimumAgeAtIntroduction = 16;

    public const int MaxReasonLength = 1000;

    public static IReadOnlyList<ValidationError> Validate(CandidateProposal proposal, DateOnly today)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(proposal.IdempotencyKey))
        {
            errors.Add(ValidationError.Coded("idempotencyKey", ValidationCodes.KeyRequired, "An idempotency key is required so a retried request counts once."));
        }
        else if (proposal.IdempotencyKey.Length > AdmissionValidator.MaxKeyLength)
        {
            errors.Add(ValidationError.Coded("idempotencyKey", ValidationCodes.KeyTooLong, "The idempotency key may be at most {0} characters.", AdmissionValidator.MaxKeyLength));
        }

        if (proposal.IntroducedOn > today)
        {
            errors.Add(ValidationError.Coded("introducedOn", CandidateCodes.IntroducedInFuture, "The introduction date may not be in the future."));
        }

        // A course certificate is valid five years, so an older introduction is a case to start again.
        var earliest = today.AddYears(-Candidate.CourseValidYears);
        if (proposal.IntroducedOn < earliest)
        {
            errors.Add(ValidationError.Coded("introducedOn", CandidateCodes.IntroducedTooEarly, "Candidates introduced from {0} on can be recorded; {1} is earlier.", Iso(earliest), Iso(proposal.IntroducedOn)));
        }

        var age = AgeBands.AgeOn(proposal.BirthDate, proposal.IntroducedOn);
        if (age < MinimumAgeAtIntroduction || age > AgeBands.MaximumAge)
        {
            errors.Add(ValidationError.Coded("birthDate", CandidateCodes.AgeOutOfRange, "A candidate is {0} to {1} years old when introduced; this one was {2}.", MinimumAgeAtIntroduction, AgeBands.MaximumAge, age));
        }

        if (!Enum.IsDefined(proposal.IntroducedBy))
        {
            errors.Add(ValidationError.Coded("introducedBy", CandidateCodes.UnknownIntroducer, "Unknown introducer."));
        }

        if (!Enum.IsDefined(proposal.Gender))
        {
            errors.Add(ValidationError.Coded("gender", ValidationCodes.UnknownGender, "Unknown gender."));
        }

        if (!Enum.IsDefined(proposal.Education))
        {
            errors.Add(ValidationError.Coded("education", ValidationCodes.UnknownEducation, "Unknown education level."));
        }

        if (!Enum.IsDefined(proposal.Occupation))
        {
            errors.Add(ValidationError.Coded("occupation", ValidationCodes.UnknownOccupation, "Unknown occupation."));
        }

        if (proposal.Name is { Length: > AdmissionValidator.MaxNameLength })
        {
            errors.Add(ValidationError.Coded("name", ValidationCodes.NameTooLong, "The name may be at most {0} characters.", AdmissionValidator.MaxNameLength));
        }

        return errors;
    }

    /// <summary>
    /// Checks a step for a candidate: <see cref="CandidateOutcome.Repeated"/> when the same step is recorded already,
    /// <see cref="CandidateOutcome.OutOfOrder"/> (naming the current stage) when it is not the next one,
    /// <see cref="CandidateOutcome.Invalid"/> for a bad date or reason, <see cref="CandidateOutcome.Moved"/> when it may be recorded.
    /// </summary>
    public static (CandidateOutcome Outcome, ValidationError? Error) Check(Candidate candidate, CandidateStage stage, DateOnly on, string? reason, DateOnly today)
    {
        if (!Enum.IsDefined(stage))
        {
            return (CandidateOutcome.Invalid, ValidationError.Coded("stage", CandidateCodes.OutOfOrder, "Unknown stage."));
        }

        if (!candidate.Steps.IsDefaultOrEmpty && candidate.Steps.Any(s => s.Stage == stage && s.On == on && (stage != CandidateStage.Dropped || s.Reason == reason)))
        {
            return (CandidateOutcome.Repeated, null);
        }

        var current = candidate.Stage;
        if (!candidate.IsOpen)
        {
            return (CandidateOutcome.OutOfOrder, ValidationError.Coded("stage", CandidateCodes.Closed, "The candidate's case is closed at stage '{0}' since {1}.", Name(current), Iso(candidate.StageOn)));
        }

        // A second course renews the certificate of a candidate who has not reached the branch resolution yet.
        var renewsCourse = stage == CandidateStage.Course && current is CandidateStage.Course or CandidateStage.Verified;
        if (stage == current && !renewsCourse)
        {
            return (CandidateOutcome.OutOfOrder, ValidationError.Coded("stage", CandidateCodes.AlreadyAtStage, "The candidate is at stage '{0}' since {1}.", Name(current), Iso(candidate.StageOn)));
        }

        if (stage != CandidateStage.Dropped && !renewsCourse && stage != current + 1)
        {
            return (CandidateOutcome.OutOfOrder, ValidationError.Coded("stage", CandidateCodes.OutOfOrder, "The candidate is at stage '{0}'; the next stage is '{1}', not '{2}'.", Name(current), Name(current + 1), Name(stage)));
        }

        if (on < candidate.LastOn)
        {
            return (CandidateOutcome.Invalid, ValidationError.Coded("on", CandidateCodes.BeforePrevious, "The date {0} is before the previous stage, recorded on {1}.", Iso(on), Iso(candidate.LastOn)));
        }

        if (on > today)
        {
            return (CandidateOutcome.Invalid, ValidationError.Coded("on", CandidateCodes.InFuture, "The date may not be in the future."));
        }

        if (stage == CandidateStage.Resolution && candidate.CourseOn is { } course && course.AddYears(Candidate.CourseValidYears) < on)
        {
            return (CandidateOutcome.OutOfOrder, ValidationError.Coded("stage", CandidateCodes.CourseExpired, "The course certificate of {0} expired on {1}; the candidate attends the course again first.", Iso(course), Iso(course.AddYears(Candidate.CourseValidYears))));
        }

        if (stage == CandidateStage.Official && candidate.AdmittedOn is { } ceremony && on < CandidateDeadlines.ProbationEnds(ceremony))
        {
            return (CandidateOutcome.Invalid, ValidationError.Coded("on", CandidateCodes.ProbationNotOver, "Probation from the ceremony on {0} ends on {1}; full membership is considered from then.", Iso(ceremony), Iso(CandidateDeadlines.ProbationEnds(ceremony))));
        }

        if (stage == CandidateStage.Dropped && (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength))
        {
            return (CandidateOutcome.Invalid, ValidationError.Coded("reason", CandidateCodes.DropReason, "Dropping a candidate needs a reason of at most 1,000 characters."));
        }

        return (CandidateOutcome.Moved, null);
    }

    public static string Name(CandidateStage stage) => Units.JsonNames.Of(stage);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
