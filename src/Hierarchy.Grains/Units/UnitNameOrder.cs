using System.Globalization;

namespace Hierarchy.Grains.Units;

/// <summary>
/// How unit names are ordered wherever people read a list of them: Vietnamese collation with numbers compared as
/// numbers, so "Tổ dân phố 2" comes before "Tổ dân phố 10" as it does on paper.
/// </summary>
public static class UnitNameOrder
{
    public static StringComparer Comparer { get; } =
        StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.NumericOrdering);
}
