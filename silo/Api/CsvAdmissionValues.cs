using System.Globalization;
using System.Text;

namespace Hierarchy.Silo.Api;

/// <summary>
/// What a branch secretary types into a spreadsheet, read as the API's codes: <c>Nữ</c>/<c>Nam</c>, dates as
/// dd/mm/yyyy, and the dashboard's own words for education and occupation. A value it does not recognise is passed on
/// unchanged, so the parser's message names what was typed.
/// </summary>
public static class CsvAdmissionValues
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    private static readonly (string Word, string Code)[] Genders = [("Nữ", "female"), ("Nam", "male")];

    private static readonly (string Word, string Code)[] Educations =
    [
        ("Trung học cơ sở", "lowerSecondary"),
        ("Trung học phổ thông", "upperSecondary"),
        ("Trung cấp, cao đẳng", "vocational"),
        ("Đại học", "university"),
        ("Sau đại học", "postgraduate"),
    ];

    private static readonly (string Word, string Code)[] Occupations =
    [
        ("Cán bộ, công chức", "stateCadre"),
        ("Viên chức sự nghiệp", "publicService"),
        ("Công nhân, người lao động DN", "enterpriseWorker"),
        ("Nông dân", "farmer"),
        ("Lực lượng vũ trang", "armedForces"),
        ("Học sinh, sinh viên", "student"),
        ("Khác", "other"),
    ];

    private static readonly string[] DayFirstFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    public static string? Gender(string? text) => Code(text, Genders);

    public static string? Education(string? text) => Code(text, Educations);

    public static string? Occupation(string? text) => Code(text, Occupations);

    /// <summary>dd/mm/yyyy (how Excel shows a date under Vietnamese regional settings) as yyyy-MM-dd.</summary>
    public static string? Date(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim(), DayFirstFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : text;

    private static string? Code(string? text, (string Word, string Code)[] words)
    {
        if (text is null)
        {
            return null;
        }

        // Spreadsheets on macOS save decomposed Vietnamese; compare the composed form.
        var typed = text.Trim().Normalize(NormalizationForm.FormC);
        foreach (var (word, code) in words)
        {
            if (Vietnamese.Compare(typed, word, CompareOptions.IgnoreCase) == 0)
            {
                return code;
            }
        }

        return text;
    }
}
