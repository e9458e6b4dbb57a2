using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hierarchy.Grains.Rollup;

/// <summary>
/// Writes a tally as a bare array of numbers. Tallies are in every state a branch writes per report and every
/// checkpoint of a parent, and the general immutable-array path costs more than the rest of the write together.
/// </summary>
public sealed class TallyJsonConverter : JsonConverter<Tally>
{
    public override Tally Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            // The older shape, { "values": [...] }.
            Tally? inner = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                reader.Read();
                inner = Read(ref reader, typeToConvert, options);
            }

            return inner ?? Tally.Empty;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A tally is an array of numbers.");
        }

        var values = new int[Tally.Length];
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = reader.GetInt32();
            if (index < values.Length)
            {
                values[index] = value;
            }

            index++;
        }

        return new Tally(ImmutableCollectionsMarshal.AsImmutableArray(values));
    }

    public override void Write(Utf8JsonWriter writer, Tally value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        if (!value.Values.IsDefaultOrEmpty)
        {
            foreach (var number in value.Values.AsSpan())
            {
                writer.WriteNumberValue(number);
            }
        }
        else
        {
            for (var i = 0; i < Tally.Length; i++)
            {
                writer.WriteNumberValue(0);
            }
        }

        writer.WriteEndArray();
    }
}
