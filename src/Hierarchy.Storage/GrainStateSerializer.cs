using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hierarchy.Storage;

/// <summary>The one JSON shape every storage provider writes grain state in, so stores are interchangeable.</summary>
public static class GrainStateSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,

        // State goes to a database, never into a page: Vietnamese text stays as written instead of \u escapes,
        // which makes every write smaller and cheaper.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T state) => JsonSerializer.Serialize(state, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>A fresh default state for a grain that has no record yet.</summary>
    public static T CreateDefault<T>() => typeof(T).IsValueType || typeof(T) == typeof(string)
        ? default!
        : Activator.CreateInstance<T>();
}
