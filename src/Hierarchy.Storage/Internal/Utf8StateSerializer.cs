using System.Text.Json;
using Hierarchy.Storage;

namespace Hierarchy.Storage.Internal;

/// <summary>
/// Serializes grain state straight to pooled UTF-8 with <see cref="GrainStateSerializer.Options"/>, the same JSON
/// <see cref="GrainStateSerializer.Serialize{T}"/> produces. Serializing to a string means encoding UTF-8 to UTF-16
/// and back again before SQLite stores it; on the write path of every grain that is worth avoiding.
/// </summary>
internal static class Utf8StateSerializer
{
    [ThreadStatic]
    private static PooledBufferWriter? output;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    public static PooledUtf8 Serialize<T>(T state)
    {
        var buffer = output ??= new PooledBufferWriter();
        var json = writer ??= new Utf8JsonWriter(buffer, WriterOptions(GrainStateSerializer.Options));
        try
        {
            json.Reset(buffer);
            JsonSerializer.Serialize(json, state, GrainStateSerializer.Options);
            json.Flush();
            return buffer.Detach();
        }
        catch
        {
            buffer.Clear();
            throw;
        }
    }

    private static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
        IndentCharacter = options.IndentCharacter,
        IndentSize = options.IndentSize,
        NewLine = options.NewLine,
        SkipValidation = true,
    };
}
