using System.Globalization;

namespace Hierarchy.Grains.Admissions;

/// <summary>
/// A rejected input, naming the field (in the API's camelCase) and why. <see cref="Message"/> is English; a caller that
/// speaks to people in another language words it from <see cref="Code"/> (one of <see cref="ValidationCodes"/>) and
/// <see cref="Arguments"/>, the values the message quotes, in its order.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ValidationError(string Field, string Message, string? Code = null, string[]? Arguments = null)
{
    /// <summary>An error with a code: the English message is <paramref name="englishTemplate"/> filled with the arguments.</summary>
    public static ValidationError Coded(string field, string code, string englishTemplate, params object[] arguments)
    {
        var texts = arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
        return new ValidationError(field, string.Format(CultureInfo.InvariantCulture, englishTemplate, texts), code, texts);
    }

    /// <summary>The refusal of any change at a unit kept from before a restructuring, naming the day it was restructured.</summary>
    public static ValidationError FormerUnit(string unitId, DateOnly lastDay) => Coded(
        "unitId", ValidationCodes.FormerUnit, "'{0}' is a former unit, restructured on {1}; its figures are kept as they were and cannot change.",
        unitId, lastDay.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
