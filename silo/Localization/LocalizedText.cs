using System.Globalization;

namespace Hierarchy.Silo.Localization;

/// <summary>
/// One message in both languages, as a composite format string (<c>{0}</c>, <c>{1:N0}</c>); the request's UI culture
/// picks the language and writes the numbers.
/// </summary>
public sealed record LocalizedText(string Vietnamese, string English)
{
    public string Format(params object?[] arguments) =>
        string.Format(SiloCultures.Current, SiloCultures.IsEnglish ? English : Vietnamese, arguments);
}
