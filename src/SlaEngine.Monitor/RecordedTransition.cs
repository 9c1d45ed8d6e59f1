using System.Text;
using System.Text.Json;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Monitor;

/// <summary>
/// A transition of a lead's SLA as the monitor recorded it: what changed, when, its key, and its place in the feed.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="Key"/> is unique across the database: the monitor records each key once,
/// whatever crashes or how many processes run, and delivers it to every sink at least once.
/// </remarks>
public sealed class RecordedTransition
{
    internal RecordedTransition(
        long seq, string leadId, string policyId, int policyVersion, string key, Instant at, string subject, string field, string fromJson, string toJson, Instant recordedAt)
    {
        Seq = seq;
        LeadId = leadId;
        PolicyId = policyId;
        PolicyVersion = policyVersion;
        Key = key;
        At = at;
        Subject = subject;
        Field = field;
        FromJson = fromJson;
        ToJson = toJson;
        RecordedAt = recordedAt;
    }

    /// <summary>Gets the position in the feed: increasing in recording order, never reused.</summary>
    public long Seq { get; }

    /// <summary>Gets the lead's id.</summary>
    public string LeadId { get; }

    /// <summary>Gets the id of the policy the transition was computed under.</summary>
    public string PolicyId { get; }

    /// <summary>Gets the version of the policy the transition was computed under.</summary>
    public int PolicyVersion { get; }

    /// <summary>
    /// Gets the key, <c>ID|POLICY@VERSION|SUBJECT|FIELD|TO|T</c>: the same transition always has the same key, so a
    /// receiver that records keys acts on each transition once.
    /// </summary>
    public string Key { get; }

    /// <summary>Gets the instant the verdict changed (a whole second).</summary>
    public Instant At { get; }

    /// <summary>Gets what changed: <c>lead</c>, a milestone name, <c>next_touch</c> or <c>escalation_N</c>.</summary>
    public string Subject { get; }

    /// <summary>Gets the field of <see cref="Subject"/> that changed (for example <c>status</c>, <c>due</c>, <c>fired</c>).</summary>
    public string Field { get; }

    /// <summary>Gets the value before, as compact JSON text (for example <c>"pending"</c>, <c>false</c>, <c>null</c>).</summary>
    public string FromJson { get; }

    /// <summary>Gets the value after, as compact JSON text.</summary>
    public string ToJson { get; }

    /// <summary>Gets the instant the monitor recorded the transition (its clock's reading at the commit).</summary>
    public Instant RecordedAt { get; }

    /// <summary>Gets the lag between the transition's instant and its recording (zero when recorded early, for a future write).</summary>
    public Duration Lag => RecordedAt > At ? RecordedAt - At : Duration.Zero;

    /// <summary>
    /// Writes the transition as one compact JSON object:
    /// <c>{"seq":…,"lead":…,"policy":…,"version":…,"key":…,"at":…,"subject":…,"field":…,"from":…,"to":…,"recorded_at":…}</c>,
    /// instants in UTC as <c>uuuu-MM-ddTHH:mm:ssZ</c>. This is the webhook body and an item of the feed.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("seq", Seq);
        writer.WriteString("lead", LeadId);
        writer.WriteString("policy", PolicyId);
        writer.WriteNumber("version", PolicyVersion);
        writer.WriteString("key", Key);
        writer.WriteString("at", MonitorJson.FormatInstant(At));
        writer.WriteString("subject", Subject);
        writer.WriteString("field", Field);
        writer.WritePropertyName("from");
        writer.WriteRawValue(FromJson, skipInputValidation: true);
        writer.WritePropertyName("to");
        writer.WriteRawValue(ToJson, skipInputValidation: true);
        writer.WriteString("recorded_at", MonitorJson.FormatInstant(RecordedAt));
        writer.WriteEndObject();
    }

    /// <summary>Returns the JSON of <see cref="WriteTo"/> as a string.</summary>
    /// <returns>The JSON text.</returns>
    public string Serialize() => Encoding.UTF8.GetString(SerializeToUtf8());

    /// <summary>Returns the JSON of <see cref="WriteTo"/> as UTF-8 bytes.</summary>
    /// <returns>The JSON bytes.</returns>
    public byte[] SerializeToUtf8()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, MonitorJson.WriterOptions))
        {
            WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => Key;
}
