using System.Globalization;
using System.Text;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary>
/// Renders a <see cref="ComplianceReport"/> as plain-text tables for people: one section per group (overall first),
/// with leads by status, milestone attainment, speed-to-lead, breaches, leakage, MQLs per month and goals.
/// </summary>
/// <remarks>Columns are padded with spaces; lines end with <c>\n</c>. Invariant culture. Thread-safe.</remarks>
internal static class ComplianceReportTable
{
    /// <summary>Renders a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text, ending with a newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    internal static string Render(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(Invariant($"Compliance report: policy {report.PolicyId} v{report.PolicyVersion} at {EvaluationJson.FormatInstant(report.At)}"));
        text.Append(Invariant($"; {report.Overall.Leads} leads, {report.InvalidLeads} invalid\n"));
        Group(text, "Overall", report.Overall);
        foreach (var group in report.Groups)
        {
            Group(text, Invariant($"{ComplianceReportJson.GroupingText(report.Grouping)} {group.Key ?? "(none)"}"), group);
        }

        return text.ToString();
    }

    private static void Group(StringBuilder text, string title, GroupReport group)
    {
        text.Append('\n').Append(title).Append(Invariant($" — {group.Leads} leads, {group.Mqls} MQLs\n"));
        text.Append("  status       ");
        foreach (var status in Enum.GetValues<LeadStatus>())
        {
            text.Append(Invariant($"{EvaluationJson.StatusText(status),-12}"));
        }

        text.Append("\n  leads        ");
        foreach (var status in Enum.GetValues<LeadStatus>())
        {
            text.Append(Invariant($"{group.ByStatus.GetValueOrDefault(status),-12}"));
        }

        text.Append('\n');
        if (!group.Milestones.IsEmpty)
        {
            text.Append("\n  milestone        met  met_late  breached  pending*  not_appl.  attainment\n");
            foreach (var m in group.Milestones)
            {
                text.Append(Invariant($"  {m.Name,-15}{m.Met,5}{m.MetLate,10}{m.Breached,10}{m.Pending,10}{m.NotApplicable,11}{Percent(m.Attainment),12}\n"));
            }

            text.Append("  * pending includes at_risk");
            text.Append(Invariant($" ({string.Join(", ", group.Milestones.Where(m => m.AtRisk > 0).Select(m => $"{m.Name}: {m.AtRisk}"))})").Replace(" ()", string.Empty, StringComparison.Ordinal));
            text.Append("; attainment = met / (met + met_late + breached)\n");
        }

        text.Append('\n');
        text.Append(Invariant($"  speed-to-lead  median {Seconds(group.SpeedToLead.MedianSeconds)}, p90 {Seconds(group.SpeedToLead.P90Seconds)} (business time, {group.SpeedToLead.Samples} touched leads)\n"));
        text.Append(Invariant($"  breaches       {group.LeadsBreached} leads, {group.MilestonesBreached} milestones\n"));
        text.Append(Invariant($"  leakage        {group.Leakage} leads ({Percent(group.LeakagePercentOfMqls)} of MQLs) past their effort or cadence deadline without a disposition\n"));
        if (!group.MqlsPerMonth.IsEmpty)
        {
            text.Append("  MQLs/month     ").Append(string.Join(", ", group.MqlsPerMonth.Select(m => Invariant($"{ComplianceReportJson.MonthText(m)}: {m.Mqls}")))).Append('\n');
        }

        if (!group.Goals.IsEmpty)
        {
            text.Append("\n  goal                        target           actual          result\n");
            foreach (var goal in group.Goals)
            {
                var target = (goal.Bound == GoalBound.Min ? ">= " : "<= ") + goal.TargetText;
                var result = goal.Passed switch
                {
                    true => "pass",
                    false => "FAIL",
                    _ => "n/a",
                };
                text.Append(Invariant($"  {goal.Name,-28}{target,-17}{Actual(goal),-16}{result}\n"));
            }
        }
    }

    private static string Actual(GoalResult goal) => goal.Actual is not { } actual
        ? "n/a"
        : goal.Unit switch
        {
            "percent" => Percent(actual),
            "seconds" => Seconds((long)actual),
            _ => actual.ToString("0.##", CultureInfo.InvariantCulture),
        };

    private static string Percent(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Seconds(long? seconds)
    {
        if (seconds is not { } s)
        {
            return "n/a";
        }

        var span = TimeSpan.FromSeconds(s);
        return span.TotalHours >= 1
            ? Invariant($"{(long)span.TotalHours}h{span.Minutes:D2}m")
            : Invariant($"{span.Minutes}m{span.Seconds:D2}s");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
