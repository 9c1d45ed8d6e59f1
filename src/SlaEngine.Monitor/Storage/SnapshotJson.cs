using System.Text;
using System.Text.Json;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;

namespace SlaEngine.Monitor.Storage;

/// <summary>
/// Writes a lead snapshot as JSON that the library's lead reader reads back into an equal snapshot: the form the
/// monitor stores a lead's latest snapshot in.
/// </summary>
internal static class SnapshotJson
{
    /// <summary>Reads a stored snapshot with the library's lead reader; null (and the error) when it cannot.</summary>
    internal static LeadSnapshot? Read(string json, out string? error)
    {
        var read = LeadSnapshot.Parse(json);
        error = read.Error?.ToString();
        return read.TryGetValue(out var lead) ? lead : null;
    }

    internal static string Write(LeadSnapshot lead)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, MonitorJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("id", lead.Id);
            if (lead.MqlAt is { } mql)
            {
                w.WriteString("mql_at", MonitorJson.FormatInstant(mql));
            }

            w.WriteStartObject("attributes");
            foreach (var pair in lead.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(pair.Key);
                pair.Value.WriteTo(w);
            }

            w.WriteEndObject();
            w.WriteStartArray("events");
            foreach (var e in lead.Events)
            {
                w.WriteStartObject();
                w.WriteString("type", e.Type);
                w.WriteString("at", MonitorJson.FormatInstant(e.At));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("touches");
            foreach (var t in lead.Touches)
            {
                w.WriteStartObject();
                w.WriteString("channel", t.Channel);
                w.WriteString("at", MonitorJson.FormatInstant(t.At));
                if (t.Outcome is { } outcome)
                {
                    w.WriteString("outcome", outcome);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("paused");
            foreach (var p in lead.Paused.Intervals)
            {
                w.WriteStartObject();
                w.WriteString("from", MonitorJson.FormatInstant(p.Start));
                w.WriteString("to", MonitorJson.FormatInstant(p.End));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (lead.Disposition is { } d)
            {
                w.WriteStartObject("disposition");
                w.WriteString("outcome", OutcomeText(d.Outcome));
                w.WriteString("at", MonitorJson.FormatInstant(d.At));
                w.WriteEndObject();
            }

            if (lead.Assigned is { } a)
            {
                w.WriteStartObject("assigned");
                if (a.Tier is { } tier)
                {
                    w.WriteString("tier", tier);
                }

                if (a.Team is { } team)
                {
                    w.WriteString("team", team);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    internal static string OutcomeText(DispositionOutcome outcome) => outcome switch
    {
        DispositionOutcome.Convert => "convert",
        DispositionOutcome.Defer => "defer",
        _ => "recycle",
    };
}
