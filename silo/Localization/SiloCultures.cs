using System.Globalization;

namespace Hierarchy.Silo.Localization;

/// <summary>The languages the server speaks: Vietnamese by default, English when the caller asks for it.</summary>
public static class SiloCultures
{
    public static CultureInfo Vietnamese { get; } = CultureInfo.GetCultureInfo("vi");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    public static IList<CultureInfo> Supported { get; } = [Vietnamese, English];

    /// <summary>Whether the current request asked for English (its UI culture, set from Accept-Language).</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English.TwoLetterISOLanguageName;

    /// <summary>The culture that numbers in messages are written in for the current request: 1.234 in Vietnamese, 1,234 in English.</summary>
    public static CultureInfo Current => IsEnglish ? English : Vietnamese;
}
