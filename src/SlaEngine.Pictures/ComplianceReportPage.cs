using System.Globalization;
using System.Text;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Reporting;
using static SlaEngine.Pictures.Markup;

namespace SlaEngine.Pictures;

/// <summary>
/// Writes a <see cref="ComplianceReport"/> as one self-contained, printable HTML page: the goals with pass/fail, the
/// key figures, attainment per milestone and per group against the goals, the speed-to-lead distribution (median and
/// 90th percentile marked, and the share of leads touched within 5, 15 and 60 minutes and beyond), MQLs and breached
/// leads per month, leakage, and leads by status — each picture beside its numbers.
/// </summary>
/// <remarks>
/// Inline SVG and CSS only, with a content security policy that forbids every fetch, so the page renders the same
/// offline; print rules keep each section on one page. Every text from the policy (group names, goal names) is
/// escaped, and the same report always gives the same bytes. Thread-safe.
/// </remarks>
/// <example>
/// <code>
/// var byTier = new ComplianceReportBuilder(policy, at, ReportGrouping.Tier);
/// var byTeam = new ComplianceReportBuilder(policy, at, ReportGrouping.Team);
/// foreach (var lead in leads)
/// {
///     var evaluation = policy.Evaluate(lead, at, EvaluationOptions.WithoutTrace);
///     byTier.Add(evaluation, lead);
///     byTeam.Add(evaluation, lead);
/// }
///
/// var html = ComplianceReportPage.Render(byTier.Build(), new ComplianceReportPageOptions { Breakdowns = [byTeam.Build()] });
/// </code>
/// </example>
public static class ComplianceReportPage
{
    /// <summary>Renders the report as an HTML page.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ComplianceReportPageOptions.Default"/>.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Render(ComplianceReport report, ComplianceReportPageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ComplianceReportPageOptions.Default;
        var overall = report.Overall;
        var version = report.PolicyVersion.ToString(CultureInfo.InvariantCulture);
        var html = new StringBuilder(32 * 1024);
        PageStyle.Open(html, options.Title ?? $"SLA compliance · {report.PolicyId} v{version}");
        html.Append("<header><h1>").Append(Escape(options.Title ?? "SLA compliance report")).Append("</h1><p class=\"meta\">")
            .Append(Escape($"{report.PolicyId} v{version} · evaluated at {Iso(report.At)} · {Count(overall.Leads, "lead")}"))
            .Append(report.InvalidLeads > 0 ? Escape($" · {Count(report.InvalidLeads, "invalid lead")} not counted") : string.Empty)
            .Append("</p></header>\n");

        Kpis(html, overall);
        Goals(html, overall);
        AttainmentSection(html, overall);
        foreach (var grouped in new[] { report }.Concat(options.Breakdowns).Where(r => r.Grouping != ReportGrouping.None && !r.Groups.IsEmpty))
        {
            GroupSection(html, grouped);
        }

        SpeedSection(html, overall);
        MonthlySection(html, overall);
        LeakageSection(html, overall);
        StatusSection(html, overall);
        html.Append("<footer><p class=\"meta\">Milestone attainment is met on time ÷ decided (met, met late, breached). Speed-to-lead is business time on the lead's calendar from the SLA start to the first touch. Leakage counts open leads (mql, recycle_due) whose work deadline has passed.</p></footer>\n");
        PageStyle.Close(html);
        return html.ToString();
    }

    /// <summary>Renders the report to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="report">The report.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="report"/> is null.</exception>
    public static void Write(TextWriter writer, ComplianceReport report, ComplianceReportPageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(report, options));
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    private static void Kpis(StringBuilder html, GroupReport g)
    {
        html.Append("<section class=\"kpis\">");
        Kpi(html, "leads", Int(g.Leads), null);
        var mqlGoal = g.Goal("mql_per_month");
        Kpi(html, "MQLs", Int(g.Mqls), mqlGoal, mqlGoal is null ? null : "goal per month, worst month counts");
        if (g.Milestones.FirstOrDefault() is { } first)
        {
            Kpi(html, first.Name + " attainment", ReportCharts.Attain(first), g.Goal(first.Name + "_attainment"));
        }

        Kpi(html, "median speed-to-lead", g.SpeedToLead.MedianSeconds is { } median ? Seconds(median) : "–", g.Goal("median_speed_to_lead"));
        Kpi(html, "p90 speed-to-lead", g.SpeedToLead.P90Seconds is { } p90 ? Seconds(p90) : "–", g.Goal("p90_speed_to_lead"));
        Kpi(html, "leads breached", Int(g.LeadsBreached), null);
        Kpi(html, "leakage", Int(g.Leakage) + (g.LeakagePercentOfMqls is { } share ? " (" + Percent(share) + ")" : string.Empty), g.Goal("leakage"));
        html.Append("</section>\n");
    }

    private static void Kpi(StringBuilder html, string label, string value, GoalResult? goal, string? note = null)
    {
        var cls = goal?.Passed switch { true => " pass", false => " fail", _ => string.Empty };
        html.Append("<div class=\"kpi").Append(cls).Append("\"><div class=\"value\">").Append(Escape(value)).Append("</div><div class=\"label\">").Append(Escape(label));
        if (goal is not null)
        {
            html.Append(" · goal ").Append(goal.Bound == GoalBound.Min ? "≥ " : "≤ ").Append(Escape(goal.TargetText)).Append(' ').Append(Badge(goal.Passed));
        }

        if (note is not null)
        {
            html.Append("<br>").Append(Escape(note));
        }

        html.Append("</div></div>");
    }

    private static string Badge(bool? passed) => passed switch
    {
        true => "<span class=\"badge pass\">PASS</span>",
        false => "<span class=\"badge fail\">FAIL</span>",
        _ => "<span class=\"badge unknown\">n/a</span>",
    };

    private static void Goals(StringBuilder html, GroupReport g)
    {
        html.Append("<section class=\"goals\"><h2>Goals</h2>");
        if (g.Goals.IsEmpty)
        {
            html.Append("<p>The policy sets no goals.</p></section>\n");
            return;
        }

        var failed = g.Goals.Count(x => x.Passed == false);
        html.Append("<p>").Append(failed == 0 ? "Every goal with a known value is met." : Escape($"{failed} of {g.Goals.Length} goals failed.")).Append("</p>");
        html.Append("<table><thead><tr><th>Goal</th><th class=\"num\">Target</th><th class=\"num\">Actual</th><th>Result</th></tr></thead><tbody>");
        foreach (var goal in g.Goals)
        {
            html.Append("<tr class=\"sla-goal-row\" data-goal=\"").Append(Escape(goal.Name)).Append("\" data-passed=\"").Append(goal.Passed switch { true => "true", false => "false", _ => "null" })
                .Append("\"><td>").Append(Escape(goal.Name)).Append("</td><td class=\"num\">").Append(goal.Bound == GoalBound.Min ? "≥ " : "≤ ").Append(Escape(goal.TargetText))
                .Append("</td><td class=\"num\">").Append(Escape(Actual(goal))).Append("</td><td>").Append(Badge(goal.Passed)).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static string Actual(GoalResult goal) => goal.Actual is not { } actual
        ? "–"
        : goal.Unit switch
        {
            "percent" => Percent(actual),
            "seconds" => Seconds(actual),
            _ => actual.ToString("0.##", CultureInfo.InvariantCulture),
        };

    private static void AttainmentSection(StringBuilder html, GroupReport g)
    {
        html.Append("<section class=\"attainment\"><h2>Attainment per milestone</h2>");
        if (g.Milestones.IsEmpty)
        {
            html.Append("<p>No lead had a milestone.</p></section>\n");
            return;
        }

        html.Append("<div class=\"pair\"><figure>").Append(ReportCharts.Attainment(g.Milestones, g.Goal)).Append("</figure>");
        html.Append("<table><thead><tr><th>Milestone</th><th class=\"num\">Met</th><th class=\"num\">Met late</th><th class=\"num\">Breached</th><th class=\"num\">Pending</th><th class=\"num\">At risk</th><th class=\"num\">Attainment</th></tr></thead><tbody>");
        foreach (var m in g.Milestones)
        {
            html.Append("<tr><td>").Append(Escape(m.Name)).Append("</td><td class=\"num\">").Append(Int(m.Met)).Append("</td><td class=\"num\">").Append(Int(m.MetLate))
                .Append("</td><td class=\"num\">").Append(Int(m.Breached)).Append("</td><td class=\"num\">").Append(Int(m.Pending)).Append("</td><td class=\"num\">").Append(Int(m.AtRisk))
                .Append("</td><td class=\"num\"><b>").Append(ReportCharts.Attain(m)).Append("</b></td></tr>");
        }

        html.Append("</tbody></table></div></section>\n");
    }

    private static void GroupSection(StringBuilder html, ComplianceReport report)
    {
        var by = report.Grouping == ReportGrouping.Tier ? "tier" : "team";
        var milestones = report.Groups.SelectMany(g => g.Milestones.Select(m => m.Name)).Distinct(StringComparer.Ordinal)
            .OrderBy(name => report.Overall.Milestones.Select(m => m.Name).ToList().IndexOf(name)).ToList();
        html.Append("<section class=\"groups\" data-by=\"").Append(by).Append("\"><h2>By ").Append(by).Append("</h2>");
        html.Append("<table><thead><tr><th>").Append(by == "tier" ? "Tier" : "Team").Append("</th><th class=\"num\">Leads</th><th class=\"num\">MQLs</th>");
        foreach (var name in milestones)
        {
            html.Append("<th>").Append(Escape(name)).Append("</th>");
        }

        html.Append("<th class=\"num\">Median speed</th><th class=\"num\">Breached</th><th class=\"num\">Leakage</th><th>Goals</th></tr></thead><tbody>");
        foreach (var group in report.Groups)
        {
            html.Append("<tr class=\"sla-group\" data-group=\"").Append(Escape(group.Key ?? string.Empty)).Append("\"><td><b>").Append(Escape(group.Key ?? "(none)"))
                .Append("</b></td><td class=\"num\">").Append(Int(group.Leads)).Append("</td><td class=\"num\">").Append(Int(group.Mqls)).Append("</td>");
            foreach (var name in milestones)
            {
                var tally = group.Milestone(name);
                html.Append("<td>").Append(ReportCharts.MiniBar(tally, group.Goal(name + "_attainment"))).Append(' ')
                    .Append(tally is null ? "–" : ReportCharts.Attain(tally)).Append("</td>");
            }

            var failed = group.Goals.Count(x => x.Passed == false);
            html.Append("<td class=\"num\">").Append(group.SpeedToLead.MedianSeconds is { } median ? Escape(Seconds(median)) : "–")
                .Append("</td><td class=\"num\">").Append(Int(group.LeadsBreached)).Append("</td><td class=\"num\">").Append(Int(group.Leakage)).Append("</td><td>")
                .Append(group.Goals.IsEmpty ? "–" : failed == 0 ? Badge(group.Goals.All(x => x.Passed is null) ? null : true) : Badge(false) + " " + Escape($"{failed} failed"))
                .Append("</td></tr>");
        }

        html.Append("</tbody></table><p class=\"meta\">Bars: met, met late and breached of the decided milestones; the black tick is the attainment goal.</p></section>\n");
    }

    private static void SpeedSection(StringBuilder html, GroupReport g)
    {
        html.Append("<section class=\"speed\"><h2>Speed-to-lead</h2>");
        if (g.SpeedToLeadHistogram.IsEmpty)
        {
            html.Append("<p>No lead has been touched yet.</p></section>\n");
            return;
        }

        var total = g.SpeedToLeadHistogram.Sum(b => b.Count);
        html.Append("<div class=\"pair\"><figure>").Append(ReportCharts.SpeedHistogram(g.SpeedToLeadHistogram, g.SpeedToLead)).Append("</figure><div>");
        html.Append("<table><thead><tr><th>First touch</th><th class=\"num\">Leads</th><th class=\"num\">Share</th></tr></thead><tbody>");
        foreach (var (label, count) in ReportCharts.Shares(g.SpeedToLeadHistogram))
        {
            html.Append("<tr class=\"sla-share\"><td>").Append(Escape(label)).Append("</td><td class=\"num\">").Append(Int(count)).Append("</td><td class=\"num\"><b>")
                .Append(Percent(100.0 * count / total)).Append("</b></td></tr>");
        }

        html.Append("</tbody></table><table><tbody>");
        html.Append("<tr><td>touched leads</td><td class=\"num\">").Append(Int(g.SpeedToLead.Samples)).Append("</td></tr>");
        html.Append("<tr><td>median</td><td class=\"num\">").Append(g.SpeedToLead.MedianSeconds is { } median ? Escape(Seconds(median)) : "–").Append(GoalNote(g.Goal("median_speed_to_lead"))).Append("</td></tr>");
        html.Append("<tr><td>90th percentile</td><td class=\"num\">").Append(g.SpeedToLead.P90Seconds is { } p90 ? Escape(Seconds(p90)) : "–").Append(GoalNote(g.Goal("p90_speed_to_lead"))).Append("</td></tr>");
        html.Append("</tbody></table></div></div></section>\n");
    }

    private static string GoalNote(GoalResult? goal) =>
        goal is null ? string.Empty : " " + Badge(goal.Passed) + " <span class=\"meta\">goal " + (goal.Bound == GoalBound.Min ? "≥ " : "≤ ") + Escape(goal.TargetText) + "</span>";

    private static void MonthlySection(StringBuilder html, GroupReport g)
    {
        html.Append("<section class=\"months\"><h2>MQLs and breaches per month</h2>");
        if (g.MqlsPerMonth.IsEmpty)
        {
            html.Append("<p>No MQLs.</p></section>\n");
            return;
        }

        html.Append("<div class=\"pair\"><figure>").Append(ReportCharts.Monthly(g.MqlsPerMonth, g.Goal("mql_per_month"))).Append("</figure>");
        html.Append("<table><thead><tr><th>Month</th><th class=\"num\">MQLs</th><th class=\"num\">Breached leads</th><th class=\"num\">Breached share</th></tr></thead><tbody>");
        foreach (var m in g.MqlsPerMonth)
        {
            html.Append("<tr><td>").Append(ReportCharts.MonthText(m)).Append("</td><td class=\"num\">").Append(Int(m.Mqls)).Append("</td><td class=\"num\">").Append(Int(m.LeadsBreached))
                .Append("</td><td class=\"num\">").Append(m.Mqls == 0 ? "–" : Percent(100.0 * m.LeadsBreached / m.Mqls)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div><p class=\"meta\">Months of the SLA start in the policy's first calendar zone; breached leads had at least one breached milestone when the report was made.</p></section>\n");
    }

    private static void LeakageSection(StringBuilder html, GroupReport g)
    {
        var goal = g.Goal("leakage");
        html.Append("<section class=\"leakage\"><h2>Leakage</h2><div class=\"kpis\">");
        Kpi(html, "leaked leads", Int(g.Leakage), goal);
        Kpi(html, "of MQLs", g.LeakagePercentOfMqls is { } share ? Percent(share) : "–", null);
        html.Append("</div><p>Leads still open (status mql or recycle_due) whose work deadline — the effort due, or the last cadence step with a due — has passed with no disposition closing the loop.</p></section>\n");
    }

    private static string StatusColour(LeadStatus status) => status switch
    {
        LeadStatus.Mql => ReportCharts.MqlColour,
        LeadStatus.RecycleDue => ReportCharts.MetLateColour,
        LeadStatus.Converted => ReportCharts.MetColour,
        LeadStatus.Excluded => "#9aa5b1",
        LeadStatus.Nurture => "#7cb342",
        _ => "#7b8794",
    };

    private static void StatusSection(StringBuilder html, GroupReport g)
    {
        html.Append("<section class=\"statuses\"><h2>Leads by status</h2><table><thead><tr><th>Status</th><th class=\"num\">Leads</th><th class=\"num\">Share</th><th></th></tr></thead><tbody>");
        var most = Math.Max(1, g.ByStatus.Values.DefaultIfEmpty(0).Max());
        foreach (var (status, count) in g.ByStatus.OrderBy(p => p.Key))
        {
            html.Append("<tr class=\"sla-status\" data-status=\"").Append(Escape(EvaluationJson.StatusText(status))).Append("\" data-count=\"").Append(Int(count))
                .Append("\"><td>").Append(Escape(EvaluationJson.StatusText(status))).Append("</td><td class=\"num\">").Append(Int(count)).Append("</td><td class=\"num\">")
                .Append(g.Leads == 0 ? "–" : Percent(100.0 * count / g.Leads)).Append("</td><td>")
                .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"12\" viewBox=\"0 0 240 12\"><rect x=\"0\" y=\"1\" width=\"").Append(Num(240.0 * count / most))
                .Append("\" height=\"10\" fill=\"").Append(StatusColour(status)).Append("\"/></svg></td></tr>");
        }

        html.Append("</tbody></table></section>\n");
    }
}
