using System.Globalization;
using System.Text.Json;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Reporting;

/// <summary>
/// Writes a <see cref="ComplianceReport"/> as one compact JSON object: <c>snake_case</c> keys in a fixed order, instants
/// in UTC as in the evaluation output, percentages (0–100) rounded to two decimals, durations in whole seconds.
/// </summary>
/// <remarks>
/// Shape: <c>{"policy","version","at","by","invalid","overall":GROUP,"groups":[GROUP…]}</c> where a group is
/// <c>{"key","leads","mqls","by_status":{…},"milestones":[{"name","met","met_late","breached","pending","at_risk",
/// "not_applicable","decided","attainment"}…],"speed_to_lead":{"samples","median_seconds","p90_seconds"},
/// "breaches":{"leads","milestones"},"leakage":{"count","percent_of_mqls"},"mql_per_month":[{"month","mqls"}…],
/// "goals":[{"name","bound","target","target_text","unit","actual","passed"}…]}</c>. <c>pending</c> includes
/// <c>at_risk</c>. The overall group has no <c>key</c>; the group of leads without a tier or team has <c>"key":null</c>.
/// Thread-safe.
/// </remarks>
public static class ComplianceReportJson
{
    /// <summary>Serializes a report as one compact JSON object (no trailing newline).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Serialize(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Evaluation.EvaluationJson.WriterOptions))
        {
            Write(writer, report);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes a report as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("policy", report.PolicyId);
        writer.WriteNumber("version", report.PolicyVersion);
        writer.WriteString("at", EvaluationJson.FormatInstant(report.At));
        if (report.Grouping == ReportGrouping.None)
        {
            writer.WriteNull("by");
        }
        else
        {
            writer.WriteString("by", GroupingText(report.Grouping));
        }

        writer.WriteNumber("invalid", report.InvalidLeads);
        writer.WritePropertyName("overall");
        WriteGroup(writer, report.Overall, withKey: false);
        writer.WriteStartArray("groups");
        foreach (var group in report.Groups)
        {
            WriteGroup(writer, group, withKey: true);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The command-line spelling of a grouping (<c>tier</c>, <c>team</c>, <c>none</c>).</summary>
    /// <param name="grouping">The grouping.</param>
    /// <returns>The text.</returns>
    public static string GroupingText(ReportGrouping grouping) => grouping switch
    {
        ReportGrouping.Tier => "tier",
        ReportGrouping.Team => "team",
        _ => "none",
    };

    private static void WriteGroup(Utf8JsonWriter writer, GroupReport group, bool withKey)
    {
        writer.WriteStartObject();
        if (withKey)
        {
            writer.WriteString("key", group.Key);
        }

        writer.WriteNumber("leads", group.Leads);
        writer.WriteNumber("mqls", group.Mqls);
        writer.WriteStartObject("by_status");
        foreach (var status in Enum.GetValues<LeadStatus>())
        {
            writer.WriteNumber(EvaluationJson.StatusText(status), group.ByStatus.GetValueOrDefault(status));
        }

        writer.WriteEndObject();
        writer.WriteStartArray("milestones");
        foreach (var m in group.Milestones)
        {
            writer.WriteStartObject();
            writer.WriteString("name", m.Name);
            writer.WriteNumber("met", m.Met);
            writer.WriteNumber("met_late", m.MetLate);
            writer.WriteNumber("breached", m.Breached);
            writer.WriteNumber("pending", m.Pending);
            writer.WriteNumber("at_risk", m.AtRisk);
            writer.WriteNumber("not_applicable", m.NotApplicable);
            writer.WriteNumber("decided", m.Decided);
            WritePercent(writer, "attainment", m.Attainment);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("speed_to_lead");
        writer.WriteNumber("samples", group.SpeedToLead.Samples);
        WriteNumber(writer, "median_seconds", group.SpeedToLead.MedianSeconds);
        WriteNumber(writer, "p90_seconds", group.SpeedToLead.P90Seconds);
        writer.WriteEndObject();
        writer.WriteStartObject("breaches");
        writer.WriteNumber("leads", group.LeadsBreached);
        writer.WriteNumber("milestones", group.MilestonesBreached);
        writer.WriteEndObject();
        writer.WriteStartObject("leakage");
        writer.WriteNumber("count", group.Leakage);
        WritePercent(writer, "percent_of_mqls", group.LeakagePercentOfMqls);
        writer.WriteEndObject();
        writer.WriteStartArray("mql_per_month");
        foreach (var month in group.MqlsPerMonth)
        {
            writer.WriteStartObject();
            writer.WriteString("month", MonthText(month));
            writer.WriteNumber("mqls", month.Mqls);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("goals");
        foreach (var goal in group.Goals)
        {
            writer.WriteStartObject();
            writer.WriteString("name", goal.Name);
            writer.WriteString("bound", goal.Bound == GoalBound.Min ? "min" : "max");
            writer.WriteNumber("target", Math.Round(goal.Target, 2, MidpointRounding.AwayFromZero));
            writer.WriteString("target_text", goal.TargetText);
            writer.WriteString("unit", goal.Unit);
            if (goal.Actual is { } actual)
            {
                writer.WriteNumber("actual", Math.Round(actual, 2, MidpointRounding.AwayFromZero));
            }
            else
            {
                writer.WriteNull("actual");
            }

            if (goal.Passed is { } passed)
            {
                writer.WriteBoolean("passed", passed);
            }
            else
            {
                writer.WriteNull("passed");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static string MonthText(MonthlyCount month) =>
        string.Create(CultureInfo.InvariantCulture, $"{month.Year:D4}-{month.Month:D2}");

    private static void WritePercent(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Math.Round(v, 2, MidpointRounding.AwayFromZero));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
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
