using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hierarchy.Grains.Candidates;

/// <summary>The public holidays and worked Saturdays shipped with the grains (<c>VietnamHolidays.json</c>, an embedded resource).</summary>
internal sealed record BuiltInCalendar(string Description, IReadOnlyList<Holiday> Holidays, IReadOnlyList<ExtraWorkingDay> WorkingDays)
{
    public const string ResourceName = "Hierarchy.Grains.Candidates.VietnamHolidays.json";

    // Strict, so that a slip in the file (a misspelt key, a missing name) fails the tests and every start, not one deadline.
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly Lazy<BuiltInCalendar> Shipped = new(() => Read(
        typeof(BuiltInCalendar).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The grains assembly lacks its holiday data ({ResourceName}).")));

    public static BuiltInCalendar Vietnam => Shipped.Value;

    public static BuiltInCalendar Read(Stream json)
    {
        using (json)
        {
            var calendar = JsonSerializer.Deserialize<BuiltInCalendar>(json, Strict) ?? throw new InvalidDataException("The holiday data is empty.");
            var days = calendar.Holidays.Select(h => (h.Date, h.Name)).Concat(calendar.WorkingDays.Select(w => (w.Date, w.Name))).ToList();
            foreach (var (date, name) in days)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw new InvalidDataException($"The day {date:yyyy-MM-dd} has no name.");
                }
            }

            var offAndWorked = calendar.Holidays.Select(h => h.Date).Intersect(calendar.WorkingDays.Select(w => w.Date)).ToList();
            if (offAndWorked.Count > 0)
            {
                throw new InvalidDataException($"{offAndWorked[0]:yyyy-MM-dd} is both a holiday and a working day.");
            }

            return calendar;
        }
    }
}
