namespace Hierarchy.Silo.Demo;

/// <summary>A demo's scope as the mode marker keeps it: "country", or the provinces loaded ("province:48,01").</summary>
public static class DemoScopes
{
    public const string Country = "country";
    private const string ProvincePrefix = "province:";

    public static string Of(bool country, string? province) => country ? Country : ProvincePrefix + province;

    public static string Merge(string? existing, string added)
    {
        if (existing is null || existing == added)
        {
            return added;
        }

        if (existing == Country || added == Country)
        {
            return Country;
        }

        return ProvincePrefix + string.Join(',', (Provinces(existing) ?? []).Union(Provinces(added) ?? []).Order(StringComparer.Ordinal));
    }

    /// <summary>The provinces of a scope, or null for the whole country.</summary>
    public static IReadOnlyList<string>? Provinces(string? scope) =>
        scope is null or Country || !scope.StartsWith(ProvincePrefix, StringComparison.Ordinal)
            ? null
            : scope[ProvincePrefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries);
}
