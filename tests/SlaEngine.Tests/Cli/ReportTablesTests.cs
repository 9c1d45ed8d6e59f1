using SlaEngine.Cli;
using SlaEngine.Cli.Rendering;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using static SlaEngine.Tests.Reporting.ReportTestData;

namespace SlaEngine.Tests.Cli;

public sealed class ReportTablesTests
{
    [Fact]
    public void Write_Report_ShowsEveryGroupGoalVerdictsAndPlurals()
    {
        var builder = new ComplianceReportBuilder(Policy, At, ReportGrouping.Tier);
        builder.Add(Lead("A", LeadStatus.Mql, "gold", Monday10, FirstTouch(MilestoneStatus.AtRisk)));
        builder.Add(Lead("B", LeadStatus.Nurture, null, null));

        var text = Render(builder.Build(), 100);

        Assert.Contains("Overall — 2 leads, 1 MQL\n", text, StringComparison.Ordinal);
        Assert.Contains("tier gold — 1 lead, 1 MQL\n", text, StringComparison.Ordinal);
        Assert.Contains("tier (none) — 1 lead, 0 MQLs\n", text, StringComparison.Ordinal);
        Assert.Contains("(business time, 0 touched leads)", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  mql_per_month\s+>= 2\s+1\s+FAIL\n", text);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" \n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(200)]
    public void Write_AnyWidth_NoLineOverflowsAndNoLabelIsCut(int width)
    {
        var builder = new ComplianceReportBuilder(Policy, At, ReportGrouping.Team);
        builder.Add(Lead("A", LeadStatus.Mql, "gold", Monday10, FirstTouch(MilestoneStatus.Met, Monday10 + NodaTime.Duration.FromMinutes(30))));

        var text = Render(builder.Build(), width);

        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
        foreach (var goal in builder.Build().Overall.Goals)
        {
            Assert.Contains(goal.TargetText, text.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_TableOnTerminal_ColoursVerdictsUnlessNoColor()
    {
        var leads = Path.Combine(CliRunner.Samples, "leads", "leads.jsonl");
        string[] args = ["report", "--policy", CliRunner.RankBands, "--at", CliRunner.At, "--leads", leads, "--format", "table"];

        var coloured = Rendered.Run(o => Rendered.Terminal(o), args).Stdout;
        var plain = Rendered.Run(o => Rendered.Terminal(o, colour: false), args).Stdout;

        Assert.Contains("\u001b[", coloured, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[3", plain, StringComparison.Ordinal); // no colour (bold may stay)
    }

    private static string Render(ComplianceReport report, int width)
    {
        var output = new StringWriter { NewLine = "\n" };
        var context = Rendered.Redirected(output, width);
        ReportTables.Write(Terminal.Out(context), report, TimeZoneChoice.Utc, Policy, terminal: false);
        return output.ToString().ReplaceLineEndings("\n");
    }
}
