using SlaEngine.Evaluation;
using System.Net;
using NodaTime;

namespace SlaEngine.Pictures.Tests;

/// <summary>
/// The pictures in a real browser (headless Chromium): drawn (not blank), every milestone, rung and touch of a known
/// lead labelled in the rendered DOM, hostile ids shown as text, no network request attempted. These tests fail when
/// Chromium is missing; they never skip.
/// </summary>
[Collection(nameof(BrowserTests))]
public sealed class BrowserTests
{
    [Fact]
    public void Chromium_Missing_FailsInsteadOfSkipping()
    {
        var failure = Assert.ThrowsAny<Exception>(() => Chromium.Find(null, "/nonexistent-dir"));

        Assert.Contains("Chromium is not installed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimelinePage_InChromium_DrawsEveryMilestoneRungAndTouch_WithoutNetwork()
    {
        var chromium = Chromium.Find();
        var dir = Artifacts.Directory("timeline-page");
        var known = Samples.Lead("E-effort-done-no-disposition");
        var escalated = Samples.Lead("E-breached-escalated");
        var page = new TimelinePage(Samples.RankBands, Samples.At);
        page.Add(known);
        page.Add(escalated);
        page.Add(Hostile.Lead(Hostile.ScriptId));
        page.Add(Hostile.Lead(Hostile.AttributeId));
        var file = Path.Combine(dir, "timelines.html");
        File.WriteAllText(file, page.Render());

        var netLog = Path.Combine(dir, "netlog.json");
        var dom = chromium.DumpDom(file, netLog);
        var png = Png.Read(chromium.Screenshot(file, 1280, 1600));

        // Drawn: many colours, a fair share of ink.
        Assert.True(png.DistinctColours > 50, $"only {png.DistinctColours} colours: the page looks blank");
        Assert.InRange(png.InkShare, 0.03, 0.9);

        // Every milestone, rung and touch of the known leads, with its label, in the rendered DOM.
        foreach (var lead in new[] { known, escalated })
        {
            var evaluation = Samples.RankBands.Evaluate(lead, Samples.At);
            foreach (var milestone in evaluation.Milestones)
            {
                Assert.Contains($"data-milestone=\"{milestone.Name}\"", dom, StringComparison.Ordinal);
                Assert.Contains($">{milestone.Name}: {SlaEngine.Evaluation.EvaluationJson.StatusText(milestone.Status).Replace('_', ' ')} (due ", dom, StringComparison.Ordinal);
            }

            foreach (var rung in evaluation.Escalations)
            {
                Assert.Contains($"{rung.After} → {string.Join(", ", rung.Notify)}: {(rung.Fired ? "fired" : rung.At > Samples.At ? "ahead" : "not fired")}</text>", dom, StringComparison.Ordinal);
            }
        }

        foreach (var touch in known.Touches)
        {
            Assert.Contains($"data-channel=\"{touch.Channel}\" data-at=\"{SlaEngine.Evaluation.EvaluationJson.FormatInstant(touch.At)}\"", dom, StringComparison.Ordinal);
        }

        var knownSection = dom[dom.IndexOf("id=\"lead-1\"", StringComparison.Ordinal)..dom.IndexOf("id=\"lead-2\"", StringComparison.Ordinal)];
        Assert.Equal(known.Touches.Length, CountOccurrences(knownSection, "<g class=\"sla-touch\" data-channel=\""));

        // Hostile ids are text: the browser built no script, img or event-handler from them.
        Hostile.AssertInert(dom);
        Assert.Contains(WebUtility.HtmlEncode(Hostile.ScriptId), dom, StringComparison.Ordinal);
        Assert.Contains("&gt;&lt;svg onload=alert(1)&gt;", dom, StringComparison.Ordinal);

        // No request left the page: nothing in the net log but the page itself, and no URL in the page but the SVG namespace.
        Assert.Empty(Chromium.RequestedUrls(netLog, file));
        Assert.Equal(["http://www.w3.org/2000/svg"], TimelineSvgTests.Urls(dom));
    }

    [Fact]
    public void TimelineSvg_StandaloneInChromium_IsDrawn()
    {
        var chromium = Chromium.Find();
        var dir = Artifacts.Directory("timeline-svg");
        var file = Path.Combine(dir, "E-paused-effort.svg");
        File.WriteAllText(file, TimelineSvg.Render(Samples.RankBands, Samples.Lead("E-paused-effort"), Samples.At));

        var png = Png.Read(chromium.Screenshot(file, 1200, 520));
        var dom = chromium.DumpDom(file);

        Assert.True(png.DistinctColours > 30, $"only {png.DistinctColours} colours: the picture looks blank");
        Assert.InRange(png.InkShare, 0.03, 0.9);
        Assert.Contains("sla-paused", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportPage_InChromium_IsDrawnAndPrints_WithoutNetwork()
    {
        var chromium = Chromium.Find();
        var dir = Artifacts.Directory("report");
        var (byTier, byTeam) = Reports.Sample();
        var file = Path.Combine(dir, "report.html");
        File.WriteAllText(file, ComplianceReportPage.Render(byTier, new ComplianceReportPageOptions { Breakdowns = [byTeam] }));

        var netLog = Path.Combine(dir, "netlog.json");
        var dom = chromium.DumpDom(file, netLog);
        var png = Png.Read(chromium.Screenshot(file, 1280, 2400));
        var pdf = chromium.PrintToPdf(file);

        Assert.True(png.DistinctColours > 50, $"only {png.DistinctColours} colours: the page looks blank");
        Assert.InRange(png.InkShare, 0.02, 0.9);
        foreach (var goal in byTier.Overall.Goals)
        {
            Assert.Contains($"data-goal=\"{goal.Name}\"", dom, StringComparison.Ordinal);
        }

        Assert.Contains("within 5 minutes", dom, StringComparison.Ordinal);
        Assert.Contains("data-name=\"median\"", dom, StringComparison.Ordinal);
        Assert.Empty(Chromium.RequestedUrls(netLog, file));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(pdf.Length > 20_000, "the printed report is suspiciously small");
    }

    [Fact]
    public void NetLog_WouldSeeARequest()
    {
        // The network check must be able to fail: a page that loads an image from the network shows up in the net log.
        var chromium = Chromium.Find();
        var dir = Artifacts.Directory("netlog-control");
        var file = Path.Combine(dir, "leaky.html");
        File.WriteAllText(file, "<!DOCTYPE html><html><body><p>leaky</p><img src=\"http://pictures.example.invalid/pixel.png\"></body></html>");
        var netLog = Path.Combine(dir, "netlog.json");

        chromium.DumpDom(file, netLog);

        Assert.Contains(Chromium.RequestedUrls(netLog, file), url => url.StartsWith("http://pictures.example.invalid/", StringComparison.Ordinal));
    }

    private static int CountOccurrences(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
