using System.Globalization;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;

namespace Hierarchy.Silo.Api;

/// <summary>Turns the request's text into the domain's report, collecting one error per bad field.</summary>
public static class AdmissionRequestParser
{
    public static AdmissionReport? Parse(AdmissionRequest request, DateOnly today, List<ValidationError> errors)
    {
        var key = request.IdempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            errors.Add(new("idempotencyKey", Messages.KeyRequired.Format()));
        }

        var admittedOn = Date(request.AdmittedOn, "admittedOn", errors);
        var birthDate = Date(request.BirthDate, "birthDate", errors);
        var gender = Enum<Gender>(request.Gender, "gender", errors);
        var education = Enum<Education>(request.Education, "education", errors);
        var occupation = Enum<Occupation>(request.Occupation, "occupation", errors);
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        if (errors.Count > 0)
        {
            return null;
        }

        var report = new AdmissionReport(
            key!,
            admittedOn!.Value,
            gender!.Value,
            birthDate!.Value,
            request.YouthUnion ?? false,
            request.EthnicMinority ?? false,
            request.Religious ?? false,
            request.PrivateBusinessOwner ?? false,
            education!.Value,
            occupation!.Value,
            name);
        errors.AddRange(AdmissionValidator.Validate(report, today).Select(DomainMessages.Localize));
        return errors.Count == 0 ? report : null;
    }

    public static DateOnly? Date(string? text, string field, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, Messages.DateRequired.Format()));
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new(field, Messages.DateFormat.Format(Clip(text))));
            return null;
        }

        return date;
    }

    public static TEnum? Enum<TEnum>(string? text, string field, List<ValidationError> errors) where TEnum : struct, Enum
    {
        var allowed = string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => JsonNames.Of(v)));
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, Messages.OneOfRequired.Format(allowed)));
            return null;
        }

        // Names only: Enum.TryParse would also take "3" or "1,2", which no client means.
        var trimmed = text.Trim();
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNames.Of(value), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        errors.Add(new(field, Messages.NotOneOf.Format(Clip(text), allowed)));
        return null;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
