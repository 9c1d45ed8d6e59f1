using System.Globalization;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SlaEngine.Cli.Rendering;

/// <summary>
/// <c>report --format table</c>: one section per group (overall first) with leads by status, milestone attainment,
/// speed-to-lead, breaches, leakage, MQLs per month and goals, as Spectre.Console tables that fit the width and wrap
/// cells instead of cutting or overflowing them. Invariant culture.
/// </summary>
internal static class ReportTables
{
    /// <summary>Writes a report.</summary>
    internal static void Write(IAnsiConsole console, ComplianceReport report, TimeZoneChoice zone, SlaPolicy policy, bool terminal)
    {
        var shownZone = zone.Resolve(policy.Calendars.IsEmpty ? null : policy.Calendars[0].Zone);
        console.Write(new Indented(new Paragraph(
            $"Compliance report: policy {report.PolicyId} v{Number(report.PolicyVersion)} at {TimeText.Format(report.At, shownZone)}; "
            + $"{CliText.Count(report.Overall.Leads, "lead")}, {Number(report.InvalidLeads)} invalid")));
        Group(console, "Overall", report.Overall, terminal);
        foreach (var group in report.Groups)
        {
            Group(console, $"{ComplianceReportJson.GroupingText(report.Grouping)} {group.Key ?? "(none)"}", group, terminal);
        }
    }

    private static void Group(IAnsiConsole console, string title, GroupReport group, bool terminal)
    {
        console.WriteLine();
        var heading = new Paragraph();
        heading.Append(title, new Style(decoration: terminal ? Decoration.Bold : Decoration.None));
        heading.Append($" — {CliText.Count(group.Leads, "lead")}, {CliText.Count(group.Mqls, "MQL")}");
        console.Write(new Indented(heading));

        var statuses = NewTable(terminal, "status", "leads", "share");
        foreach (var status in Enum.GetValues<LeadStatus>())
        {
            var count = group.ByStatus.GetValueOrDefault(status);
            var text = EvaluationJson.StatusText(status);
            statuses.AddRow(new Text(text, count > 0 ? StatusStyle.Of(text) : Style.Plain), new Text(Number(count)), new Text(Percent(group.Leads == 0 ? null : 100.0 * count / group.Leads)));
        }

        console.Write(new Indented(statuses, 2));
        if (!group.Milestones.IsEmpty)
        {
            console.WriteLine();
            var milestones = NewTable(terminal, "milestone", "met", "met late", "breached", "pending*", "at risk", "n/a", "attainment");
            foreach (var m in group.Milestones)
            {
                milestones.AddRow(
                    new Text(m.Name),
                    new Text(Number(m.Met)),
                    new Text(Number(m.MetLate), m.MetLate > 0 ? StatusStyle.Of("met_late") : Style.Plain),
                    new Text(Number(m.Breached), m.Breached > 0 ? StatusStyle.Of("breached") : Style.Plain),
                    new Text(Number(m.Pending)),
                    new Text(Number(m.AtRisk), m.AtRisk > 0 ? StatusStyle.Of("at_risk") : Style.Plain),
                    new Text(Number(m.NotApplicable)),
                    new Text(Percent(m.Attainment)));
            }

            console.Write(new Indented(milestones, 2));
            console.Write(new Indented(new Text("* pending includes at risk; attainment = met / (met + met late + breached)"), 2));
        }

        console.WriteLine();
        var facts = new Grid();
        facts.AddColumn(new GridColumn().NoWrap().PadRight(2));
        facts.AddColumn(new GridColumn());
        facts.AddRow(new Text("speed-to-lead"), new Text($"median {Seconds(group.SpeedToLead.MedianSeconds)}, p90 {Seconds(group.SpeedToLead.P90Seconds)} (business time, {CliText.Count(group.SpeedToLead.Samples, "touched lead")})"));
        facts.AddRow(new Text("breaches"), new Text($"{CliText.Count(group.LeadsBreached, "lead")}, {CliText.Count(group.MilestonesBreached, "milestone")}"));
        facts.AddRow(new Text("leakage"), new Text($"{CliText.Count(group.Leakage, "lead")} ({Percent(group.LeakagePercentOfMqls)} of MQLs) past their effort or cadence deadline without a disposition"));
        if (!group.MqlsPerMonth.IsEmpty)
        {
            facts.AddRow(new Text("MQLs per month"), new Text(string.Join(", ", group.MqlsPerMonth.Select(m => $"{m.Year:D4}-{m.Month:D2}: {Number(m.Mqls)}"))));
        }

        console.Write(new Indented(facts, 2));
        if (!group.Goals.IsEmpty)
        {
            console.WriteLine();
            var goals = NewTable(terminal, "goal", "target", "actual", "result");
            foreach (var goal in group.Goals)
            {
                var result = goal.Passed switch
                {
                    true => "pass",
                    false => "FAIL",
                    _ => "n/a",
                };
                goals.AddRow(
                    new Text(goal.Name),
                    new Text((goal.Bound == GoalBound.Min ? ">= " : "<= ") + goal.TargetText),
                    new Text(Actual(goal)),
                    new Text(result, StatusStyle.Of(result)));
            }

            console.Write(new Indented(goals, 2));
        }
    }

    /// <summary>A table in the tool's style: a rule under the header on a terminal, plain aligned columns otherwise.</summary>
    internal static Table NewTable(bool terminal, params string[] headers)
    {
        var table = new Table { Border = terminal ? TableBorder.Simple : TableBorder.None, ShowHeaders = true };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: terminal ? Decoration.Bold : Decoration.None))) { Padding = new Padding(0, 0, 2, 0) });
        }

        return table;
    }

    private static string Actual(GoalResult goal) => goal.Actual is not { } actual
        ? "n/a"
        : goal.Unit switch
        {
            "percent" => Percent(actual),
            "seconds" => Seconds((long)actual),
            _ => actual.ToString("0.##", CultureInfo.InvariantCulture),
        };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Seconds(long? seconds)
    {
        if (seconds is not { } s)
        {
            return "n/a";
        }

        var span = TimeSpan.FromSeconds(s);
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours}h{span.Minutes:D2}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m{span.Seconds:D2}s");
    }
}
