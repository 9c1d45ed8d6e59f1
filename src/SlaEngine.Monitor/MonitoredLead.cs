using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Timeline;

namespace SlaEngine.Monitor;

/// <summary>A lead as the monitor holds it, evaluated at the moment it was read, with the transitions ahead of it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MonitoredLead
{
    internal MonitoredLead(
        LeadSnapshot snapshot, string policyId, Instant? slaStart, Instant? nextChangeAt, Instant lastEvaluatedAt, LeadEvaluation? evaluation, ImmutableArray<TimelineItem> ahead, string? problemCode, string? problem)
    {
        Snapshot = snapshot;
        PolicyId = policyId;
        SlaStart = slaStart;
        NextChangeAt = nextChangeAt;
        LastEvaluatedAt = lastEvaluatedAt;
        Evaluation = evaluation;
        Ahead = ahead;
        ProblemCode = problemCode;
        Problem = problem;
    }

    /// <summary>Gets the lead's id.</summary>
    public string LeadId => Snapshot.Id;

    /// <summary>Gets the latest snapshot as stored (with every append), before the stored SLA start is applied.</summary>
    public LeadSnapshot Snapshot { get; }

    /// <summary>
    /// Gets the snapshot as it is evaluated: <see cref="Snapshot"/> with <see cref="SlaStart"/> as its <c>mql_at</c>
    /// when it has none. <see cref="Evaluation"/> was computed from it; pass it to anything that evaluates the lead
    /// again (a picture of its timeline, a report), so that it sees the SLA start the monitor fixed.
    /// </summary>
    public LeadSnapshot EvaluatedSnapshot => WithSlaStart(Snapshot, SlaStart);

    /// <summary>Gets the policy id the lead is evaluated under (its active version at each evaluation).</summary>
    public string PolicyId { get; }

    /// <summary>
    /// Gets the SLA start: the snapshot's <c>mql_at</c>, or, for a snapshot without one, the instant of the write that
    /// first qualified it (stored with the lead); null while the lead has not qualified.
    /// </summary>
    public Instant? SlaStart { get; }

    /// <summary>Gets when the scheduler will next wake the lead, or null when nothing is ahead.</summary>
    public Instant? NextChangeAt { get; }

    /// <summary>Gets when the lead was last evaluated by a write or the scheduler.</summary>
    public Instant LastEvaluatedAt { get; }

    /// <summary>Gets the evaluation at the instant of the read, or null when the lead cannot be evaluated (see <see cref="ProblemCode"/>).</summary>
    public LeadEvaluation? Evaluation { get; }

    /// <summary>Gets the code of <see cref="MonitorErrorCodes"/> saying why the lead cannot be evaluated, or null.</summary>
    public string? ProblemCode { get; }

    /// <summary>Gets the message that goes with <see cref="ProblemCode"/>.</summary>
    public string? Problem { get; }

    internal ImmutableArray<TimelineItem> Ahead { get; }

    /// <summary>A snapshot without <c>mql_at</c> takes the SLA start the monitor stored for it.</summary>
    internal static LeadSnapshot WithSlaStart(LeadSnapshot snapshot, Instant? slaStart) =>
        snapshot.MqlAt is null && slaStart is not null ? snapshot with { MqlAt = slaStart } : snapshot;

    /// <summary>
    /// Returns the transitions ahead of the read instant (up to a year) as a JSON array of
    /// <c>{"at":…,"subject":…,"field":…,"from":…,"to":…,"key":…}</c>, in order.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string TransitionsAheadJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, MonitorJson.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var item in Ahead)
            {
                writer.WriteStartObject();
                writer.WriteString("at", MonitorJson.FormatInstant(item.At));
                writer.WriteString("subject", item.Subject);
                writer.WriteString("field", item.Field);
                writer.WritePropertyName("from");
                writer.WriteRawValue(item.FromJson, skipInputValidation: true);
                writer.WritePropertyName("to");
                writer.WriteRawValue(item.ToJson, skipInputValidation: true);
                writer.WriteString("key", item.Key);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
