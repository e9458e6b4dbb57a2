using System.Globalization;
using System.Text;

namespace Hierarchy.Grains.Catalogue;

/// <summary>Folds Vietnamese text for search: lower case, no diacritics, đ as d, so "lien chieu" finds "Liên Chiểu".</summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }

    public static string[] Words(string query) =>
        Fold(query).Split([' ', '\t', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries);
}
