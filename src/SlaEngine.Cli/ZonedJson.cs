using System.Buffers;
using System.Text.Json;
using NodaTime;
using SlaEngine.Cli.Rendering;
using SlaEngine.Evaluation;

namespace SlaEngine.Cli;

/// <summary>
/// JSON lines with <c>--zone</c>: copies one JSON object token by token, writing every UTC instant in its string values
/// (whole values like <c>"due"</c>, and instants inside texts such as a reason or a trace detail) in the chosen zone
/// with its offset (<c>2026-11-20T13:30:00-05:00</c>). A <c>key</c> is an identifier, not a time to read: it is copied
/// as it is, so keys stay the same whatever the zone. Without <c>--zone</c> the tool never calls this: JSON lines stay
/// UTC and byte-identical.
/// </summary>
internal static class ZonedJson
{
    /// <summary>Rewrites <paramref name="json"/> (one JSON value) into <paramref name="output"/> with instants in <paramref name="zone"/>.</summary>
    internal static void Rewrite(ReadOnlySpan<byte> json, DateTimeZone? zone, IBufferWriter<byte> output)
    {
        if (zone is null)
        {
            output.Write(json);
            return;
        }

        var reader = new Utf8JsonReader(json);
        using var writer = new Utf8JsonWriter(output, EvaluationJson.WriterOptions);
        var isKey = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    var text = reader.GetString()!;
                    writer.WriteStringValue(isKey ? text : ZoneText.Localize(text, zone, TimeZoneChoice.Format));
                    break;
                case JsonTokenType.PropertyName:
                    isKey = reader.ValueTextEquals("key"u8);
                    writer.WritePropertyName(reader.GetString()!);
                    continue;
                case JsonTokenType.StartObject:
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.Number:
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    writer.WriteBooleanValue(reader.GetBoolean());
                    break;
                case JsonTokenType.Null:
                    writer.WriteNullValue();
                    break;
            }

            isKey = false;
        }
    }

    /// <summary>Rewrites one JSON text (see <see cref="Rewrite(ReadOnlySpan{byte}, DateTimeZone?, IBufferWriter{byte})"/>).</summary>
    internal static string Rewrite(string json, DateTimeZone? zone)
    {
        if (zone is null)
        {
            return json;
        }

        var buffer = new ArrayBufferWriter<byte>(json.Length + 64);
        Rewrite(System.Text.Encoding.UTF8.GetBytes(json), zone, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
