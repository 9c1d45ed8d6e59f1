using System.Text.Json;
using static SlaEngine.Tests.Cli.CliRunner;

namespace SlaEngine.Tests.Cli;

public sealed class ReportCommandTests
{
    [Fact]
    public void Report_SampleLeadsByTier_AddsUpAndCountsInvalidLeadsApart()
    {
        var (code, stdout, stderr) = Run("report", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--by", "tier");

        Assert.True(code == 3, stderr); // four sample leads are invalid on purpose
        Assert.Equal(
            ["BAD-truncated:SLA0701:297", "BAD-instant:SLA0703:298", "BAD-pinned-tier:SLA0705:299", "BAD-outcome:SLA0704:300"],
            Lines(stderr).Select(l => JsonDocument.Parse(l).RootElement).Select(e => $"{e.GetProperty("id").GetString()}:{e.GetProperty("error").GetProperty("code").GetString()}:{e.GetProperty("error").GetProperty("line").GetInt32()}"));
        var lines = Lines(stdout);
        Assert.Single(lines);
        var root = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("lattice-predictive", root.GetProperty("policy").GetString());
        Assert.Equal("tier", root.GetProperty("by").GetString());
        Assert.Equal(4, root.GetProperty("invalid").GetInt32());
        var overall = root.GetProperty("overall");
        Assert.Equal(296, overall.GetProperty("leads").GetInt32());
        Assert.Equal(296, overall.GetProperty("by_status").EnumerateObject().Sum(p => p.Value.GetInt32()));
        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["platinum", "gold", "silver", null], groups.Select(g => g.GetProperty("key").GetString()));
        Assert.Equal(296, groups.Sum(g => g.GetProperty("leads").GetInt32()));
        Assert.Equal(overall.GetProperty("leakage").GetProperty("count").GetInt32(), groups.Sum(g => g.GetProperty("leakage").GetProperty("count").GetInt32()));
        Assert.Equal(
            ["first_touch_attainment", "mql_per_month"],
            overall.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        var firstTouch = overall.GetProperty("milestones")[0];
        Assert.Equal("first_touch", firstTouch.GetProperty("name").GetString());
        Assert.True(firstTouch.GetProperty("at_risk").GetInt32() >= 1); // E-at-risk
        Assert.True(overall.GetProperty("leakage").GetProperty("count").GetInt32() >= 2); // E-stalled-leak, E-effort-done-no-disposition
    }

    [Fact]
    public void Report_Table_IsPlainTextWithEveryTeam()
    {
        var (code, stdout, _) = Run("report", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--by", "team", "--format", "table");

        Assert.Equal(3, code);
        Assert.StartsWith("Compliance report: policy lattice-predictive v3 at 2026-11-22 12:00Z; 296 leads, 4 invalid\n", stdout, StringComparison.Ordinal);
        Assert.Contains("team enterprise", stdout, StringComparison.Ordinal);
        Assert.Contains("team emea", stdout, StringComparison.Ordinal);
        Assert.Contains("team smb", stdout, StringComparison.Ordinal);
        Assert.Contains("first_touch_attainment", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_SameInput_SameBytes()
    {
        var first = Run("report", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--by", "team");
        var second = RunOnStream("report", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--by", "team");

        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Theory]
    [InlineData("--by", "rep")] // not a grouping
    [InlineData("--format", "csv")] // not a format
    public void Report_BadOption_IsAUsageError(string option, string value)
    {
        var (code, _, stderr) = Run("report", "--policy", RankBands, "--at", At, "--leads", SampleLeads, option, value);

        Assert.Equal(2, code);
        Assert.Contains(value, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Help_ShowsExamples()
    {
        var (code, stdout, _) = Run("report", "--help");

        Assert.Equal(0, code);
        Assert.Contains("Examples:", stdout, StringComparison.Ordinal);
        Assert.Contains("at_risk counts", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsReport()
    {
        Assert.Contains("  report", Run("--help").Stdout, StringComparison.Ordinal);
    }
}
