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
            errors.Add(new("idempotencyKey", "An idempotency key is required so a retried report counts once."));
        }
        else if (report.IdempotencyKey.Length > MaxKeyLength)
        {
            errors.Add(new("idempotencyKey", $"The idempotency key may be at most {MaxKeyLength} characters."));
        }

        if (report.AdmittedOn > today)
        {
            errors.Add(new("admittedOn", "The admission date may not be in the future."));
        }

        // Late reports of last year are still taken; anything older is a mistake or belongs to a closed year.
        var earliest = new DateOnly(today.Year - 1, 1, 1);
        if (report.AdmittedOn < earliest)
        {
            errors.Add(new("admittedOn", $"Admissions dated from {earliest:yyyy-MM-dd} to today can be reported; {report.AdmittedOn:yyyy-MM-dd} is earlier."));
        }

        var age = AgeBands.AgeOn(report.BirthDate, report.AdmittedOn);
        if (age < AgeBands.MinimumAge || age > AgeBands.MaximumAge)
        {
            errors.Add(new("birthDate", $"The person must be {AgeBands.MinimumAge} to {AgeBands.MaximumAge} years old at admission; they were {age}."));
        }

        if (!Enum.IsDefined(report.Gender))
        {
            errors.Add(new("gender", "Unknown gender."));
        }

        if (!Enum.IsDefined(report.Education))
        {
            errors.Add(new("education", "Unknown education level."));
        }

        if (!Enum.IsDefined(report.Occupation))
        {
            errors.Add(new("occupation", "Unknown occupation."));
        }

        if (report.Name is { Length: > MaxNameLength })
        {
            errors.Add(new("name", $"The name may be at most {MaxNameLength} characters."));
        }

        return errors;
    }

    /// <summary>A key of only spaces, zero-width or direction marks looks empty to the person who typed it.</summary>
    private static bool HasVisibleText(string? text) =>
        text is not null && text.Any(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control));
}
