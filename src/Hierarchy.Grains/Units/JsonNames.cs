using System.Text.Json;

namespace Hierarchy.Grains.Units;

/// <summary>Enum values as the API and exports spell them: camelCase.</summary>
public static class JsonNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
