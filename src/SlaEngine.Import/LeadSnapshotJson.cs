using System.Text.Encodings.Web;
using System.Text.Json;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;

namespace SlaEngine.Import;

/// <summary>
/// Writes lead snapshots as the lead JSON that <c>slaengine evaluate</c> and <see cref="LeadSnapshot.Parse(string)"/> read: one compact
/// object per line, <c>snake_case</c>, instants in UTC as <c>uuuu-MM-ddTHH:mm:ssZ</c>. Empty collections and absent
/// values are left out. Thread-safe.
/// </summary>
public static class LeadSnapshotJson
{
    /// <summary>Writer options for the lines this class writes: compact, with only the escaping JSON requires.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes a snapshot as one compact JSON object.</summary>
    /// <param name="lead">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(LeadSnapshot lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, lead);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes a snapshot as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="lead">The snapshot.</param>
    public static void Write(Utf8JsonWriter writer, LeadSnapshot lead)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lead);
        writer.WriteStartObject();
        writer.WriteString("id", lead.Id);
        if (lead.MqlAt is { } mqlAt)
        {
            WriteInstant(writer, "mql_at"u8, mqlAt);
        }

        if (!lead.Attributes.IsEmpty)
        {
            writer.WriteStartObject("attributes");
            // Sorted by name: the dictionary's own order depends on the process's string hashing.
            var pool = System.Buffers.ArrayPool<KeyValuePair<string, LeadValue>>.Shared;
            var sorted = pool.Rent(lead.Attributes.Count);
            var n = 0;
            foreach (var attribute in lead.Attributes)
            {
                sorted[n++] = attribute;
            }

            Array.Sort(sorted, 0, n, AttributeOrder.Instance);
            for (var i = 0; i < n; i++)
            {
                writer.WritePropertyName(sorted[i].Key);
                sorted[i].Value.WriteTo(writer);
            }

            Array.Clear(sorted, 0, n);
            pool.Return(sorted);

            writer.WriteEndObject();
        }

        if (!lead.Events.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("events");
            foreach (var e in lead.Events)
            {
                writer.WriteStartObject();
                writer.WriteString("type", e.Type);
                WriteInstant(writer, "at"u8, e.At);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (!lead.Touches.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("touches");
            foreach (var touch in lead.Touches)
            {
                writer.WriteStartObject();
                writer.WriteString("channel", touch.Channel);
                WriteInstant(writer, "at"u8, touch.At);
                if (touch.Outcome is not null)
                {
                    writer.WriteString("outcome", touch.Outcome);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (!lead.Paused.IsEmpty)
        {
            writer.WriteStartArray("paused");
            foreach (var interval in lead.Paused.Intervals)
            {
                writer.WriteStartObject();
                writer.WriteString("from", EvaluationJson.FormatInstant(interval.Start));
                writer.WriteString("to", EvaluationJson.FormatInstant(interval.End));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (lead.Disposition is { } disposition)
        {
            writer.WriteStartObject("disposition");
            writer.WriteString("outcome", disposition.Outcome switch
            {
                DispositionOutcome.Convert => "convert",
                DispositionOutcome.Defer => "defer",
                _ => "recycle",
            });
            WriteInstant(writer, "at"u8, disposition.At);
            writer.WriteEndObject();
        }

        if (lead.Assigned is { } assigned)
        {
            writer.WriteStartObject("assigned");
            if (assigned.Tier is not null)
            {
                writer.WriteString("tier", assigned.Tier);
            }

            if (assigned.Team is not null)
            {
                writer.WriteString("team", assigned.Team);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes one imported row as a JSON line: the snapshot, or for a row with an error
    /// <c>{"id":…,"error":{"code":…,"message":…,"file":…,"line":N,"column":N}}</c> (<c>id</c> null when unknown).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="lead">The imported row.</param>
    public static void Write(Utf8JsonWriter writer, ImportedLead lead)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.Success)
        {
            Write(writer, lead.Lead);
            return;
        }

        var error = lead.Error;
        writer.WriteStartObject();
        if (lead.Id is null)
        {
            writer.WriteNull("id");
        }
        else
        {
            writer.WriteString("id", lead.Id);
        }

        writer.WriteStartObject("error");
        writer.WriteString("code", error.Code);
        writer.WriteString("message", error.Message);
        writer.WriteString("file", error.File);
        writer.WriteNumber("line", error.Line);
        writer.WriteNumber("column", error.Column);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>uuuu-MM-ddTHH:mm:ssZ</c> without a string when the instant has whole seconds in years 1–9999.</summary>
    private static void WriteInstant(Utf8JsonWriter writer, ReadOnlySpan<byte> name, NodaTime.Instant instant)
    {
        var utc = instant.InUtc();
        if (utc.NanosecondOfSecond != 0 || utc.Year is < 1 or > 9999)
        {
            writer.WriteString(name, EvaluationJson.FormatInstant(instant));
            return;
        }

        Span<byte> text = stackalloc byte[20];
        Two(text, 0, utc.Year / 100);
        Two(text, 2, utc.Year % 100);
        text[4] = (byte)'-';
        Two(text, 5, utc.Month);
        text[7] = (byte)'-';
        Two(text, 8, utc.Day);
        text[10] = (byte)'T';
        Two(text, 11, utc.Hour);
        text[13] = (byte)':';
        Two(text, 14, utc.Minute);
        text[16] = (byte)':';
        Two(text, 17, utc.Second);
        text[19] = (byte)'Z';
        writer.WriteString(name, text);

        static void Two(Span<byte> text, int at, int value)
        {
            text[at] = (byte)('0' + (value / 10));
            text[at + 1] = (byte)('0' + (value % 10));
        }
    }

    private sealed class AttributeOrder : IComparer<KeyValuePair<string, LeadValue>>
    {
        public static readonly AttributeOrder Instance = new();

        public int Compare(KeyValuePair<string, LeadValue> x, KeyValuePair<string, LeadValue> y) => string.CompareOrdinal(x.Key, y.Key);
    }
}
