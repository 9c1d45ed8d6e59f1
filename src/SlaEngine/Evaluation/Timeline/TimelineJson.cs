using System.Text.Json;

namespace SlaEngine.Evaluation;

/// <summary>
/// Writes timelines in the JSON of the command-line contract: one object per lead,
/// <c>{"id":…,"next_change_at":…,"transitions":[{"at":…,"subject":…,"field":…,"from":…,"to":…,"key":…}]}</c>.
/// </summary>
public static class TimelineJson
{
    /// <summary>Serializes a timeline as one compact JSON object.</summary>
    /// <param name="timeline">The timeline.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(LeadTimeline timeline)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, EvaluationJson.WriterOptions))
        {
            Write(writer, timeline);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes a timeline as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="timeline">The timeline.</param>
    public static void Write(Utf8JsonWriter writer, LeadTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(timeline);
        writer.WriteStartObject();
        writer.WriteString("id", timeline.LeadId);
        if (timeline.NextChangeAt is { } next)
        {
            writer.WriteString("next_change_at", EvaluationJson.FormatInstant(next));
        }
        else
        {
            writer.WriteNull("next_change_at");
        }

        writer.WriteStartArray("transitions");
        foreach (var transition in timeline.Transitions)
        {
            Write(writer, transition);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes one transition as a JSON object <c>{"at":…,"subject":…,"field":…,"from":…,"to":…,"key":…}</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="transition">The transition.</param>
    public static void Write(Utf8JsonWriter writer, SlaTransition transition)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(transition);
        writer.WriteStartObject();
        writer.WriteString("at", EvaluationJson.FormatInstant(transition.At));
        writer.WriteString("subject", transition.Subject);
        writer.WriteString("field", transition.Field);
        writer.WritePropertyName("from");
        writer.WriteRawValue(transition.FromJson, skipInputValidation: true);
        writer.WritePropertyName("to");
        writer.WriteRawValue(transition.ToJson, skipInputValidation: true);
        writer.WriteString("key", transition.Key);
        writer.WriteEndObject();
    }
}
