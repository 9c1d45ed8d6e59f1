using System.Text;
using System.Text.Json;
using NodaTime.Text;
using SlaEngine.Reporting;

namespace SlaEngine.Authoring;

/// <summary>
/// Writes comparisons in the JSON of <c>slaengine compare</c>: one line per differing lead,
/// <c>{"id":…,"changes":[{"field":"tier","base":"gold","candidate":"platinum"}]}</c>, then one totals line
/// <c>{"totals":{…}}</c>. <c>snake_case</c>, dates as <c>uuuu-MM-dd</c>.
/// </summary>
public static class PolicyComparisonJson
{
    /// <summary>Serializes a lead's differences as one compact JSON object.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(LeadComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", comparison.Id);
            writer.WriteStartArray("changes");
            foreach (var change in comparison.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("field", change.Field);
                writer.WriteString("base", change.Base);
                writer.WriteString("candidate", change.Candidate);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>Serializes the totals as one compact JSON object <c>{"totals":{…}}</c>.</summary>
    /// <param name="totals">The totals.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(PolicyComparisonTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("totals");
            writer.WriteNumber("leads", totals.Leads);
            writer.WriteNumber("differing", totals.Differing);
            WritePolicy(writer, "base", totals.Base);
            WritePolicy(writer, "candidate", totals.Candidate);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private static void WritePolicy(Utf8JsonWriter writer, string name, PolicyTotals totals)
    {
        writer.WriteStartObject(name);
        writer.WriteString("policy", totals.PolicyId);
        writer.WriteNumber("version", totals.PolicyVersion);
        writer.WriteStartObject("by_status");
        foreach (var (status, count) in totals.ByStatus)
        {
            writer.WriteNumber(status, count);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("by_tier");
        foreach (var (tier, count) in totals.ByTier)
        {
            writer.WriteNumber(tier, count);
        }

        writer.WriteEndObject();
        writer.WriteNumber("breaches", totals.Breaches);
        writer.WriteNumber("breached_leads", totals.BreachedLeads);
        writer.WriteNumber("leakage", totals.Leakage);
        writer.WriteStartArray("touch_load");
        foreach (var load in totals.TouchLoad)
        {
            writer.WriteStartObject();
            writer.WriteString("team", load.Team);
            writer.WriteString("calendar", load.Calendar);
            writer.WriteNumber("leads", load.Leads);
            writer.WriteNumber("touches", load.Touches);
            writer.WriteString("from", LocalDatePattern.Iso.Format(load.From));
            writer.WriteString("to", LocalDatePattern.Iso.Format(load.To));
            writer.WriteNumber("business_days", load.BusinessDays);
            if (load.PerBusinessDay is { } perDay)
            {
                writer.WriteNumber("per_business_day", perDay);
            }
            else
            {
                writer.WriteNull("per_business_day");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Evaluation.EvaluationJson.WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
