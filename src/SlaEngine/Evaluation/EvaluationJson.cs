using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>
/// Writes evaluations as the JSON line of <c>slaengine evaluate</c> (every key is described in
/// <c>docs/output-format.md</c>): <c>snake_case</c>, instants in UTC as <c>uuuu-MM-ddTHH:mm:ssZ</c> (fractional
/// seconds only when non-zero), and a lead that could not be read or evaluated as its error line
/// <c>{"id":…,"error":{"code":…,"message":…,"line":N}}</c>. Writes straight to a <see cref="Utf8JsonWriter"/>, so a
/// host streams lines or returns an evaluation from a minimal API without building strings (see
/// <see cref="LeadEvaluationJsonConverter"/>). Stateless and thread-safe.
/// </summary>
/// <example>
/// <code>
/// using var writer = new Utf8JsonWriter(stream, EvaluationJson.WriterOptions);
/// EvaluationJson.Write(writer, evaluation, EvaluationJsonOptions.Default);
/// </code>
/// </example>
public static class EvaluationJson
{
    /// <summary>
    /// Gets the writer options of every JSON line SlaEngine prints: compact, with only the escaping JSON requires (so a
    /// reason reads <c>score 40 &gt;= threshold 40</c>, not <c>\u003E=</c>). The output is JSON, not HTML: embed it in
    /// a page through an HTML-aware encoder.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Formats an instant the way the JSON output does (see <see cref="InstantText.Format"/>).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text.</returns>
    public static string FormatInstant(Instant instant) => InstantText.Format(instant);

    /// <summary>Serializes an evaluation as one compact JSON object, without its trace.</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is null.</exception>
    public static string Serialize(LeadEvaluation evaluation) => Serialize(evaluation, includeTrace: false);

    /// <summary>Serializes an evaluation as one compact JSON object, with or without its trace.</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <param name="includeTrace">Whether to add the <c>trace</c> array.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is null.</exception>
    public static string Serialize(LeadEvaluation evaluation, bool includeTrace) =>
        System.Text.Encoding.UTF8.GetString(SerializeToUtf8Bytes(evaluation, includeTrace ? EvaluationJsonOptions.WithTrace : EvaluationJsonOptions.Default));

    /// <summary>Serializes an evaluation as the UTF-8 bytes of one compact JSON object (for example for <c>Results.Bytes</c>).</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <param name="options">What to write; default without the trace.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is null.</exception>
    public static byte[] SerializeToUtf8Bytes(LeadEvaluation evaluation, EvaluationJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, evaluation, options ?? EvaluationJsonOptions.Default);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes a lead's error as one compact JSON object, <c>{"id":…,"error":{"code":…,"message":…}}</c>.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static string Serialize(LeadError error) => Serialize(error, line: null);

    /// <summary>Serializes a lead's error as one compact JSON object, with the input line it came from.</summary>
    /// <param name="error">The error.</param>
    /// <param name="line">The 1-based input line of the lead, written as <c>"line"</c> when not null.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static string Serialize(LeadError error, long? line)
    {
        ArgumentNullException.ThrowIfNull(error);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, error, line);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes an evaluation as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="evaluation">The evaluation.</param>
    /// <param name="includeTrace">Whether to add the <c>trace</c> array.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, LeadEvaluation evaluation, bool includeTrace) =>
        Write(writer, evaluation, includeTrace ? EvaluationJsonOptions.WithTrace : EvaluationJsonOptions.Default);

    /// <summary>
    /// Writes a lead's error line: <c>{"id":…,"error":{"code":…,"message":…,"line":N}}</c>, with <c>"id"</c> null when
    /// the id could not be read, and <c>"location":"FILE:LINE:COLUMN"</c> after the message when the error has a
    /// <see cref="LeadError.Location"/> (a row of a CSV export).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="error">The error.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, LeadError error) => Write(writer, error, line: null);

    /// <summary>Writes a lead's error line with the input line it came from.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="error">The error.</param>
    /// <param name="line">The 1-based input line of the lead, or null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, LeadError error, long? line)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        writer.WriteStartObject();
        writer.WriteString("id", error.LeadId);
        writer.WriteStartObject("error");
        writer.WriteString("code", error.Code);
        writer.WriteString("message", error.Message);
        if (error.Location is { } location)
        {
            writer.WriteString("location", location);
        }

        if (line is { } number)
        {
            writer.WriteNumber("line", number);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a lead's result — its evaluation, or its error line — so that every lead of a stream is answered by
    /// exactly one JSON object.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="result">The evaluation result.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, LeadEvaluationResult result) => Write(writer, result, null, null);

    /// <summary>Writes a lead's result — its evaluation, or its error line with the input line it came from.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="result">The evaluation result.</param>
    /// <param name="options">What to write for an evaluation; null for the default, without the trace.</param>
    /// <param name="line">The 1-based input line, written into an error line when not null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, LeadEvaluationResult result, EvaluationJsonOptions? options, long? line)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        if (result.TryGetValue(out var evaluation))
        {
            Write(writer, evaluation, options ?? EvaluationJsonOptions.Default);
        }
        else
        {
            Write(writer, result.Error!, line);
        }
    }

    /// <summary>Writes an evaluation as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="evaluation">The evaluation.</param>
    /// <param name="options">What to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, LeadEvaluation evaluation, EvaluationJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(options);
        var includeTrace = options.IncludeTrace;
        if (!includeTrace && EvaluationJsonLine.TryWrite(writer, evaluation))
        {
            return;
        }

        WriteMembers(writer, evaluation, includeTrace);
    }

    /// <summary>Writes the evaluation member by member through the writer (any writer, any text; the trace when asked).</summary>
    internal static void WriteMembers(Utf8JsonWriter writer, LeadEvaluation evaluation, bool includeTrace)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Id, evaluation.Id);
        writer.WriteString(Names.Policy, evaluation.PolicyId);
        writer.WriteNumber(Names.Version, evaluation.PolicyVersion);
        writer.WriteString(Names.Status, StatusJson(evaluation.Status));
        writer.WriteString(Names.Reason, evaluation.Reason);
        WriteNumberOrNull(writer, Names.Score, evaluation.Score);
        writer.WriteString(Names.Tier, evaluation.Tier);
        writer.WriteString(Names.Band, evaluation.Band);
        writer.WriteString(Names.Team, evaluation.Team);
        writer.WriteString(Names.Calendar, evaluation.Calendar);
        WriteInstant(writer, Names.SlaStart, evaluation.SlaStart);
        writer.WriteStartArray(Names.Milestones);
        foreach (var m in evaluation.Milestones)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Name, m.Name);
            WriteInstant(writer, Names.Due, m.Due);
            writer.WriteString(Names.Status, StatusJson(m.Status));
            WriteInstant(writer, Names.MetAt, m.MetAt);
            writer.WriteNumber(Names.LateBySeconds, (long)Math.Floor(m.LateBy.TotalSeconds));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (evaluation.NextTouch is { } next)
        {
            writer.WriteStartObject(Names.NextTouch);
            writer.WriteString(Names.Milestone, next.Milestone);
            writer.WriteString(Names.Channel, next.Channel);
            WriteInstant(writer, Names.Due, next.Due);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(Names.NextTouch);
        }

        writer.WriteStartArray(Names.Escalations);
        foreach (var e in evaluation.Escalations)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.After, e.After);
            WriteInstant(writer, Names.At, e.At);
            writer.WriteStartArray(Names.Notify);
            foreach (var n in e.Notify)
            {
                writer.WriteStringValue(n);
            }

            writer.WriteEndArray();
            writer.WriteBoolean(Names.Fired, e.Fired);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteInstant(writer, Names.NextChangeAt, evaluation.NextChangeAt);
        if (!evaluation.Warnings.IsDefaultOrEmpty)
        {
            writer.WriteStartArray(Names.Warnings);
            foreach (var w in evaluation.Warnings)
            {
                writer.WriteStartObject();
                writer.WriteString(Names.Code, w.Code);
                writer.WriteString(Names.Message, w.Message);
                writer.WriteString(Names.Path, w.Path);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (includeTrace)
        {
            writer.WriteStartArray(Names.Trace);
            foreach (var t in evaluation.Trace)
            {
                writer.WriteStartObject();
                writer.WriteString(Names.Stage, t.Stage);
                writer.WriteString(Names.Rule, t.Rule);
                if (t.Result is { } r)
                {
                    writer.WriteBoolean(Names.Result, r);
                }
                else
                {
                    writer.WriteNull(Names.Result);
                }

                writer.WriteString(Names.Detail, t.Detail);
                if (!t.Values.IsDefaultOrEmpty)
                {
                    writer.WriteStartObject(Names.Values);
                    foreach (var (key, value) in t.Values)
                    {
                        writer.WritePropertyName(key);
                        value.WriteTo(writer);
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

    private static void WriteInstant(Utf8JsonWriter writer, JsonEncodedText name, Instant? instant)
    {
        if (instant is { } value)
        {
            Span<byte> utf8 = stackalloc byte[20];
            if (InstantText.TryFormatCanonicalUtc(value, utf8))
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

    private static void WriteNumberOrNull(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } v)
        {
            // A whole number of hundredths (every score) is written digit by digit: the same shortest round-trip text.
            Span<byte> utf8 = stackalloc byte[24];
            if (NumberText.TryFormatHundredths(v, utf8, out var length))
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(utf8[..length], skipInputValidation: true);
            }
            else
            {
                writer.WriteNumber(name, v);
            }
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    internal static JsonEncodedText StatusJson(LeadStatus status) => LeadStatusJson[(int)status];

    internal static JsonEncodedText StatusJson(MilestoneStatus status) => MilestoneStatusJson[(int)status];

    private static readonly JsonEncodedText[] LeadStatusJson = Enum.GetValues<LeadStatus>().Select(s => JsonEncodedText.Encode(StatusText(s))).ToArray();

    private static readonly JsonEncodedText[] MilestoneStatusJson = Enum.GetValues<MilestoneStatus>().Select(s => JsonEncodedText.Encode(StatusText(s))).ToArray();

    /// <summary>The property names of the evaluation line, encoded once.</summary>
    private static class Names
    {
        internal static readonly JsonEncodedText After = JsonEncodedText.Encode("after");
        internal static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
        internal static readonly JsonEncodedText Band = JsonEncodedText.Encode("band");
        internal static readonly JsonEncodedText Calendar = JsonEncodedText.Encode("calendar");
        internal static readonly JsonEncodedText Channel = JsonEncodedText.Encode("channel");
        internal static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        internal static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
        internal static readonly JsonEncodedText Due = JsonEncodedText.Encode("due");
        internal static readonly JsonEncodedText Escalations = JsonEncodedText.Encode("escalations");
        internal static readonly JsonEncodedText Fired = JsonEncodedText.Encode("fired");
        internal static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        internal static readonly JsonEncodedText LateBySeconds = JsonEncodedText.Encode("late_by_seconds");
        internal static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        internal static readonly JsonEncodedText MetAt = JsonEncodedText.Encode("met_at");
        internal static readonly JsonEncodedText Milestone = JsonEncodedText.Encode("milestone");
        internal static readonly JsonEncodedText Milestones = JsonEncodedText.Encode("milestones");
        internal static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        internal static readonly JsonEncodedText NextChangeAt = JsonEncodedText.Encode("next_change_at");
        internal static readonly JsonEncodedText NextTouch = JsonEncodedText.Encode("next_touch");
        internal static readonly JsonEncodedText Notify = JsonEncodedText.Encode("notify");
        internal static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
        internal static readonly JsonEncodedText Policy = JsonEncodedText.Encode("policy");
        internal static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        internal static readonly JsonEncodedText Result = JsonEncodedText.Encode("result");
        internal static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
        internal static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
        internal static readonly JsonEncodedText SlaStart = JsonEncodedText.Encode("sla_start");
        internal static readonly JsonEncodedText Stage = JsonEncodedText.Encode("stage");
        internal static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        internal static readonly JsonEncodedText Team = JsonEncodedText.Encode("team");
        internal static readonly JsonEncodedText Tier = JsonEncodedText.Encode("tier");
        internal static readonly JsonEncodedText Trace = JsonEncodedText.Encode("trace");
        internal static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
        internal static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        internal static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
    }
}
