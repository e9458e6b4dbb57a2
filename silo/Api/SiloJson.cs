using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;

namespace Hierarchy.Silo.Api;

/// <summary>The API's one JSON shape: camelCase names and enums as camelCase strings ("province", "female").</summary>
public static class SiloJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;

        // A misspelt field ("ethnicMinorty") must not be dropped in silence: it would record the default instead.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;

        // Vietnamese stays readable in the stream and in logs; characters that matter to HTML are still escaped.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        }

        return options;
    }
}
