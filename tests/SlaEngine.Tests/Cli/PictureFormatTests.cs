using System.Xml.Linq;

namespace SlaEngine.Tests.Cli;

/// <summary><c>timeline --format svg|html</c> and <c>report --format html</c> through the tool.</summary>
public sealed class PictureFormatTests
{
    [Fact]
    public void TimelineSvg_OutDirectory_OneValidSvgPerLead_AndBadLinesLocated()
    {
        var dir = Path.Combine(Path.GetTempPath(), "slaengine-svg-" + Guid.NewGuid().ToString("N"));
        var leads = Path.Combine(Path.GetTempPath(), "slaengine-svg-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var lines = File.ReadLines(CliRunner.SampleLeads).Take(2).ToList();
            File.WriteAllLines(leads, [lines[0], "{\"id\":\"bad\",\"mql_at\":\"soon\"}", lines[1]]);
            var (code, stdout, stderr) = CliRunner.Run("timeline", "--policy", CliRunner.RankBands, "--at", CliRunner.At, "--leads", leads, "--format", "svg", "--out", dir);

            Assert.Equal(3, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("\"id\":\"bad\"", stderr, StringComparison.Ordinal);
            Assert.Contains("\"line\":2", stderr, StringComparison.Ordinal);
            var files = Directory.GetFiles(dir, "*.svg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(2, files.Length);
            foreach (var file in Directory.GetFiles(dir, "*.svg"))
            {
                Assert.Equal("svg", XDocument.Load(file).Root!.Name.LocalName);
            }
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            File.Delete(leads);
        }
    }

    [Fact]
    public void TimelineSvg_WithoutOut_SeveralLeads_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("timeline", "--policy", CliRunner.RankBands, "--at", CliRunner.At, "--leads", CliRunner.SampleLeads, "--format", "svg");

        Assert.Equal(2, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TimelineHtml_AndReportHtml_AreSelfContainedPages()
    {
        var (code, page, _) = CliRunner.Run("timeline", "--policy", CliRunner.RankBands, "--at", CliRunner.At, "--leads", CliRunner.SampleLeads, "--format", "html");
        Assert.Equal(3, code); // the sample file holds four deliberately broken lines
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("L-0000001", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);

        var (reportCode, report, _) = CliRunner.Run("report", "--policy", CliRunner.RankBands, "--at", CliRunner.At, "--leads", CliRunner.SampleLeads, "--format", "html");
        Assert.Equal(3, reportCode);
        Assert.StartsWith("<!DOCTYPE html>", report, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", report, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", report, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null, new[] { "tier", "team" })]
    [InlineData("tier", new[] { "tier" })]
    [InlineData("team", new[] { "team" })]
    public void ReportHtml_WithoutBy_GroupsByTierAndByTeam_WithBy_ThatGrouping(string? by, string[] groupings)
    {
        string[] args = ["report", "--policy", CliRunner.RankBands, "--at", CliRunner.At, "--leads", CliRunner.SampleLeads, "--format", "html"];
        var (_, report, _) = CliRunner.Run(by is null ? args : [.. args, "--by", by]);

        var shown = System.Text.RegularExpressions.Regex.Matches(report, "<section class=\"groups\" data-by=\"([a-z]+)\">").Select(m => m.Groups[1].Value);
        Assert.Equal(groupings, shown);
        Assert.Contains("<tr class=\"sla-group\" data-group=\"" + (by == "team" ? "enterprise" : "platinum") + "\">", report, StringComparison.Ordinal);
    }
}
