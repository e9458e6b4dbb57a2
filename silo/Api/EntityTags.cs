using System.Globalization;

namespace Hierarchy.Silo.Api;

/// <summary>Versions as entity tags: written <c>"42"</c> in ETag, read back from If-Match with or without quotes and <c>W/</c>.</summary>
public static class EntityTags
{
    public static string Of(long version) => $"\"{version}\"";

    public static bool TryParse(string header, out long version)
    {
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        return long.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
