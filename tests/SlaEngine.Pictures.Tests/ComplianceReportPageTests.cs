using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Reporting;

namespace SlaEngine.Pictures.Tests;

/// <summary>The report page without a browser: its numbers, its safety and its determinism.</summary>
public sealed class ComplianceReportPageTests
{
    [Fact]
    public void Render_ListsEveryGoalWithItsResult()
    {
        var (byTier, _) = Reports.Sample();
        var html = ComplianceReportPage.Render(byTier);

        foreach (var goal in byTier.Overall.Goals)
        {
            var passed = goal.Passed switch { true => "true", false => "false", _ => "null" };
            Assert.Contains($"data-goal=\"{goal.Name}\" data-passed=\"{passed}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("FAIL", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShowsEveryGroupOfTheReportAndTheBreakdowns()
    {
        var (byTier, byTeam) = Reports.Sample();
        var html = ComplianceReportPage.Render(byTier, new ComplianceReportPageOptions { Breakdowns = [byTeam] });

        Assert.Contains("data-by=\"tier\"", html, StringComparison.Ordinal);
        Assert.Contains("data-by=\"team\"", html, StringComparison.Ordinal);
        foreach (var group in byTier.Groups.Concat(byTeam.Groups).Where(g => g.Key is not null))
        {
            Assert.Contains($"data-group=\"{group.Key}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_SpeedToLead_SharesAddUpFromTheHistogram()
    {
        var (byTier, _) = Reports.Sample();
        var overall = byTier.Overall;
        var html = ComplianceReportPage.Render(byTier);

        var buckets = overall.SpeedToLeadHistogram;
        Assert.Equal(overall.SpeedToLead.Samples, buckets.Sum(b => b.Count));
        var within5 = buckets[0].Count;
        var beyond60 = buckets.Where(b => b.UpToSeconds is null || b.UpToSeconds > 3600).Sum(b => b.Count);
        Assert.Contains(Row("within 5 minutes", within5, overall.SpeedToLead.Samples), html, StringComparison.Ordinal);
        Assert.Contains(Row("beyond 60 minutes", beyond60, overall.SpeedToLead.Samples), html, StringComparison.Ordinal);
        Assert.Contains($"data-name=\"median\" data-seconds=\"{overall.SpeedToLead.MedianSeconds}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-name=\"p90\" data-seconds=\"{overall.SpeedToLead.P90Seconds}\"", html, StringComparison.Ordinal);
        Assert.Equal(buckets.Length, Regex.Count(html, "class=\"sla-bucket\""));

        static string Row(string label, int count, int total) =>
            $"<td>{label}</td><td class=\"num\">{count}</td><td class=\"num\"><b>{(100.0 * count / total).ToString("0.0", CultureInfo.InvariantCulture)}%</b>";
    }

    [Fact]
    public void Render_Months_ShowMqlsAndBreaches()
    {
        var (byTier, _) = Reports.Sample();
        var html = ComplianceReportPage.Render(byTier);

        foreach (var month in byTier.Overall.MqlsPerMonth)
        {
            Assert.Contains($"data-month=\"{month.Year:0000}-{month.Month:00}\" data-mqls=\"{month.Mqls}\" data-breached=\"{month.LeadsBreached}\"", html, StringComparison.Ordinal);
        }

        Assert.True(byTier.Overall.MqlsPerMonth.Sum(m => m.LeadsBreached) > 0);
    }

    [Fact]
    public void Render_HostileNames_StayText()
    {
        var sample = Reports.Sample().ByTier.Overall;
        var group = sample with
        {
            Key = Hostile.ScriptId,
            Milestones = [sample.Milestones[0] with { Name = Hostile.AttributeId }],
            Goals = [sample.Goals[0] with { Name = Hostile.AttributeId + "_attainment" }],
        };
        var report = new ComplianceReport
        {
            PolicyId = "<b>policy</b>",
            PolicyVersion = 1,
            At = Samples.At,
            Grouping = ReportGrouping.Team,
            Overall = group,
            Groups = [group],
        };

        var html = ComplianceReportPage.Render(report, new ComplianceReportPageOptions { Title = Hostile.ScriptId });

        Hostile.AssertInert(html);
        Assert.DoesNotContain("<b>policy", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;svg onload=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsSelfContainedAndPrintable()
    {
        var (byTier, byTeam) = Reports.Sample();
        var html = ComplianceReportPage.Render(byTier, new ComplianceReportPageOptions { Breakdowns = [byTeam] });

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Equal(["http://www.w3.org/2000/svg"], TimelineSvgTests.Urls(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_SameReport_SameBytes_InAnyCulture()
    {
        var (byTier, byTeam) = Reports.Sample();
        var options = new ComplianceReportPageOptions { Breakdowns = [byTeam] };
        var expected = ComplianceReportPage.Render(byTier, options);
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "ar-SA", "fr-FR" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.Equal(expected, ComplianceReportPage.Render(Reports.Sample().ByTier, new ComplianceReportPageOptions { Breakdowns = [Reports.Sample().ByTeam] }));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = original;
        }
    }

    [Fact]
    public void Render_EmptyReport_SaysThereIsNothing()
    {
        var report = new ComplianceReportBuilder(Samples.RankBands, Samples.At).Build();

        var html = ComplianceReportPage.Render(report);

        Assert.Contains("No lead has been touched yet.", html, StringComparison.Ordinal);
        Assert.Contains("No MQLs.", html, StringComparison.Ordinal);
        Assert.Contains("No lead had a milestone.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void BucketLabel_IsShortAndOrdered()
    {
        var (byTier, _) = Reports.Sample();

        Assert.Equal(
            ["≤ 5 min", "5–15 min", "15–30 min", "30–60 min", "1–2 h", "2–4 h", "4–8 h", "8–24 h", "> 24 h"],
            byTier.Overall.SpeedToLeadHistogram.Select(ReportCharts.BucketLabel));
    }
}
