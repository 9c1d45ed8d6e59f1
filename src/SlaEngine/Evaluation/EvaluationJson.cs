using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>
/// Writes evaluations in the JSON of the command-line contract (spec section 5): <c>snake_case</c>, instants in UTC as
/// <c>uuuu-MM-ddTHH:mm:ssZ</c> (fractional seconds only when non-zero).
/// </summary>
public static class EvaluationJson
{
    /// <summary>
    /// Writer options for every JSON line SlaEngine prints: compact, with only the escaping JSON requires (so a reason
    /// reads <c>score 40 &gt;= threshold 40</c>, not <c>\u003E=</c>). The output is JSON, not HTML: embed it in a page
    /// through an HTML-aware encoder.
    /// </summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Formats an instant the way the JSON output does.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text.</returns>
    public static string FormatInstant(Instant instant)
    {
        Span<byte> utf8 = stackalloc byte[20];
        return TryFormatCanonicalUtc(instant, utf8) ? System.Text.Encoding.ASCII.GetString(utf8) : InstantPattern.ExtendedIso.Format(instant);
    }

    /// <summary>Serializes an evaluation as one compact JSON object.</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <param name="includeTrace">Whether to add the <c>trace</c> array.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(LeadEvaluation evaluation, bool includeTrace = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, evaluation, includeTrace);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes an evaluation as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="evaluation">The evaluation.</param>
    /// <param name="includeTrace">Whether to add the <c>trace</c> array.</param>
    public static void Write(Utf8JsonWriter writer, LeadEvaluation evaluation, bool includeTrace)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evaluation);
        writer.WriteStartObject();
        writer.WriteString("id", evaluation.Id);
        writer.WriteString("policy", evaluation.PolicyId);
        writer.WriteNumber("version", evaluation.PolicyVersion);
        writer.WriteString("status", StatusText(evaluation.Status));
        writer.WriteString("reason", evaluation.Reason);
        WriteNumberOrNull(writer, "score", evaluation.Score);
        writer.WriteString("tier", evaluation.Tier);
        writer.WriteString("band", evaluation.Band);
        writer.WriteString("team", evaluation.Team);
        writer.WriteString("calendar", evaluation.Calendar);
        WriteInstant(writer, "sla_start", evaluation.SlaStart);
        writer.WriteStartArray("milestones");
        foreach (var m in evaluation.Milestones)
        {
            writer.WriteStartObject();
            writer.WriteString("name", m.Name);
            WriteInstant(writer, "due", m.Due);
            writer.WriteString("status", StatusText(m.Status));
            WriteInstant(writer, "met_at", m.MetAt);
            writer.WriteNumber("late_by_seconds", (long)Math.Floor(m.LateBy.TotalSeconds));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (evaluation.NextTouch is { } next)
        {
            writer.WriteStartObject("next_touch");
            writer.WriteString("milestone", next.Milestone);
            writer.WriteString("channel", next.Channel);
            WriteInstant(writer, "due", next.Due);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("next_touch");
        }

        writer.WriteStartArray("escalations");
        foreach (var e in evaluation.Escalations)
        {
            writer.WriteStartObject();
            writer.WriteString("after", e.After);
            WriteInstant(writer, "at", e.At);
            writer.WriteStartArray("notify");
            foreach (var n in e.Notify)
            {
                writer.WriteStringValue(n);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("fired", e.Fired);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (includeTrace)
        {
            writer.WriteStartArray("trace");
            foreach (var t in evaluation.Trace)
            {
                writer.WriteStartObject();
                writer.WriteString("stage", t.Stage);
                writer.WriteString("rule", t.Rule);
                if (t.Result is { } r)
                {
                    writer.WriteBoolean("result", r);
                }
                else
                {
                    writer.WriteNull("result");
                }

                writer.WriteString("detail", t.Detail);
                if (!t.Values.IsDefaultOrEmpty)
                {
                    writer.WriteStartObject("values");
                    foreach (var (key, value) in t.Values)
                    {
                        writer.WritePropertyName(key);
                        WriteValue(writer, value);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>The JSON spelling of a lead status (<c>recycle_due</c>…).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The text.</returns>
    public static string StatusText(LeadStatus status) => status switch
    {
        LeadStatus.Excluded => "excluded",
        LeadStatus.Nurture => "nurture",
        LeadStatus.Mql => "mql",
        LeadStatus.RecycleDue => "recycle_due",
        LeadStatus.Converted => "converted",
        LeadStatus.Deferred => "deferred",
        _ => "recycled",
    };

    /// <summary>The JSON spelling of a milestone status (<c>met_late</c>…).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The text.</returns>
    public static string StatusText(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Pending => "pending",
        MilestoneStatus.AtRisk => "at_risk",
        MilestoneStatus.Met => "met",
        MilestoneStatus.MetLate => "met_late",
        MilestoneStatus.Breached => "breached",
        _ => "not_applicable",
    };

    internal static void WriteValue(Utf8JsonWriter writer, LeadValue value)
    {
        switch (value.Kind)
        {
            case LeadValueKind.Null:
                writer.WriteNullValue();
                break;
            case LeadValueKind.Boolean:
                writer.WriteBooleanValue(value.AsBoolean);
                break;
            case LeadValueKind.Number:
                writer.WriteNumberValue(value.AsNumber);
                break;
            case LeadValueKind.String:
                writer.WriteStringValue(value.AsString);
                break;
            default:
                writer.WriteStartArray();
                foreach (var item in value.AsList)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
        }
    }

    private static void WriteInstant(Utf8JsonWriter writer, string name, Instant? instant)
    {
        if (instant is { } value)
        {
            Span<byte> utf8 = stackalloc byte[20];
            if (TryFormatCanonicalUtc(value, utf8))
            {
                writer.WriteString(name, utf8);
            }
            else
            {
                writer.WriteString(name, FormatInstant(value));
            }
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>
    /// Writes <c>uuuu-MM-ddTHH:mm:ssZ</c> as UTF-8 without allocating, for instants on a whole second in years
    /// 0001–9999 — exactly what <see cref="FormatInstant"/> prints for them; other instants return false.
    /// </summary>
    internal static bool TryFormatCanonicalUtc(Instant instant, Span<byte> utf8)
    {
        var utc = instant.InUtc();
        if (utc.NanosecondOfSecond != 0 || utc.Year is < 1 or > 9999 || utf8.Length < 20)
        {
            return false;
        }

        Put(utf8, 0, utc.Year, 4);
        utf8[4] = (byte)'-';
        Put(utf8, 5, utc.Month, 2);
        utf8[7] = (byte)'-';
        Put(utf8, 8, utc.Day, 2);
        utf8[10] = (byte)'T';
        Put(utf8, 11, utc.Hour, 2);
        utf8[13] = (byte)':';
        Put(utf8, 14, utc.Minute, 2);
        utf8[16] = (byte)':';
        Put(utf8, 17, utc.Second, 2);
        utf8[19] = (byte)'Z';
        return true;
    }

    private static void Put(Span<byte> utf8, int start, int value, int digits)
    {
        for (var i = start + digits - 1; i >= start; i--)
        {
            utf8[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
