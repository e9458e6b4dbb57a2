namespace Hierarchy.Grains.Admissions;

public static class AdmissionValidator
{
    public const int MaxKeyLength = 200;
    public const int MaxNameLength = 200;

    public static IReadOnlyList<ValidationError> Validate(AdmissionReport report, DateOnly today)
    {
        var errors = new List<ValidationError>();
        if (!HasVisibleText(report.IdempotencyKey))
        {
            errors.Add(ValidationError.Coded("idempotencyKey", ValidationCodes.KeyRequired, "An idempotency key is required so a retried report counts once."));
        }
        else if (report.IdempotencyKey.Length > MaxKeyLength)
        {
            errors.Add(ValidationError.Coded("idempotencyKey", ValidationCodes.KeyTooLong, "The idempotency key may be at most {0} characters.", MaxKeyLength));
        }

        if (report.AdmittedOn > today)
        {
            errors.Add(ValidationError.Coded("admittedOn", ValidationCodes.DateInFuture, "The admission date may not be in the future."));
        }

        // Late reports of last year are still taken; anything older is a mistake or belongs to a closed year.
        var earliest = new DateOnly(today.Year - 1, 1, 1);
        if (report.AdmittedOn < earliest)
        {
            errors.Add(ValidationError.Coded("admittedOn", ValidationCodes.DateTooEarly, "Admissions dated from {0} to today can be reported; {1} is earlier.", Iso(earliest), Iso(report.AdmittedOn)));
        }

        var age = AgeBands.AgeOn(report.BirthDate, report.AdmittedOn);
        if (age < AgeBands.MinimumAge || age > AgeBands.MaximumAge)
        {
            errors.Add(ValidationError.Coded("birthDate", ValidationCodes.AgeOutOfRange, "The person must be {0} to {1} years old at admission; they were {2}.", AgeBands.MinimumAge, AgeBands.MaximumAge, age));
        }

        if (!Enum.IsDefined(report.Gender))
        {
            errors.Add(ValidationError.Coded("gender", ValidationCodes.UnknownGender, "Unknown gender."));
        }

        if (!Enum.IsDefined(report.Education))
        {
            errors.Add(ValidationError.Coded("education", ValidationCodes.UnknownEducation, "Unknown education level."));
        }

        if (!Enum.IsDefined(report.Occupation))
        {
            errors.Add(ValidationError.Coded("occupation", ValidationCodes.UnknownOccupation, "Unknown occupation."));
        }

        if (report.Name is { Length: > MaxNameLength })
        {
            errors.Add(ValidationError.Coded("name", ValidationCodes.NameTooLong, "The name may be at most {0} characters.", MaxNameLength));
        }

        return errors;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A key of only spaces, zero-width or direction marks looks empty to the person who typed it.</summary>
    private static bool HasVisibleText(string? text) =>
        text is not null && text.Any(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control));
}
