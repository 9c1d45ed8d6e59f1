using System.Globalization;
using System.Xml.Linq;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Pictures.Tests;

/// <summary>Structure of the timeline SVG, without a browser: well-formed XML, one element per thing drawn, escaping, determinism.</summary>
public sealed class TimelineSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_EverySampleLead_IsWellFormedSvg()
    {
        foreach (var lead in Samples.Leads)
        {
            var document = XDocument.Parse(TimelineSvg.Render(Samples.RankBands, lead, Samples.At));
            Assert.Equal(Svg + "svg", document.Root!.Name);
            Assert.Equal(lead.Id, document.Root.Descendants(Svg + "text").First(t => Class(t).Contains("sla-lead-id")).Value["Lead ".Length..]);
        }
    }

    [Theory]
    [InlineData("L-1001")] // first_touch met, effort and disposition pending
    [InlineData("E-breached-escalated")] // breached, all rungs fired
    [InlineData("E-met-late")] // met late
    [InlineData("E-paused-effort")] // a paused week
    [InlineData("E-emea-night-desk")] // overnight calendar
    public void Render_OneElementPerMilestone_WithStableClassAndData(string id)
    {
        var lead = Samples.Lead(id);
        var evaluation = Samples.RankBands.Evaluate(lead, Samples.At);
        var groups = Groups(TimelineSvg.Render(Samples.RankBands, lead, Samples.At), "sla-milestone");

        Assert.Equal(evaluation.Milestones.Select(m => m.Name), groups.Select(g => (string?)g.Attribute("data-milestone")));
        foreach (var (milestone, group) in evaluation.Milestones.Zip(groups))
        {
            var status = EvaluationJson.StatusText(milestone.Status);
            Assert.Equal(status, (string?)group.Attribute("data-status"));
            Assert.Contains("status-" + status.Replace('_', '-'), Class(group));
            Assert.Equal(milestone.Due is { } due ? EvaluationJson.FormatInstant(due) : null, (string?)group.Attribute("data-due"));
            Assert.StartsWith(milestone.Name + ": ", Label(group));
        }
    }

    [Fact]
    public void Render_ShortFirstTouchOnALongAxis_AddsADetailPanel()
    {
        var svg = TimelineSvg.Render(Samples.RankBands, Samples.Lead("L-1001"), Samples.At);

        // The first touch (10:30 → 11:10, due 13:30) is a few hours on a two-week axis: it is drawn again in detail,
        // under its own class so that counting sla-milestone still counts the main picture.
        var detail = Groups(svg, "sla-detail-milestone");
        Assert.Equal(["first_touch"], detail.Select(g => (string?)g.Attribute("data-milestone")));
        Assert.Single(Groups(svg, "sla-detail-touch"));
        Assert.Contains("First touch in detail: Fri 20 Nov ", svg, StringComparison.Ordinal);
        Assert.Equal(3, Groups(svg, "sla-milestone").Count);
    }

    [Fact]
    public void Render_FirstTouchSpanningTheAxis_HasNoDetailPanel()
    {
        var svg = TimelineSvg.Render(Samples.RankBands, Samples.Lead("E-at-risk"), Samples.At);

        Assert.Empty(Groups(svg, "sla-detail-milestone"));
        Assert.DoesNotContain("in detail", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Rungs_ShowFiredAndWhoIsNotified()
    {
        var lead = Samples.Lead("E-breached-escalated");
        var groups = Groups(TimelineSvg.Render(Samples.RankBands, lead, Samples.At), "sla-rung");

        Assert.Equal(["1", "2", "3"], groups.Select(g => (string?)g.Attribute("data-rung")));
        Assert.Equal(["owner", "owner, manager", "executive"], groups.Select(g => (string?)g.Attribute("data-notify")));
        Assert.All(groups, g => Assert.Equal("true", (string?)g.Attribute("data-fired")));
        Assert.Equal(["24 hours → owner: fired", "48 hours → owner, manager: fired", "72 hours → executive: fired"], groups.Select(Label));
    }

    [Fact]
    public void Render_RungsAhead_AreNotFired()
    {
        var groups = Groups(TimelineSvg.Render(Samples.RankBands, Samples.Lead("L-1001"), Samples.At), "sla-rung");

        // L-1001's pause holds the elapsed ladder back by a day: every rung is still ahead at `at`.
        Assert.All(groups, g => Assert.Equal("false", (string?)g.Attribute("data-fired")));
        Assert.All(groups, g => Assert.EndsWith(": ahead", Label(g)));
    }

    [Fact]
    public void Render_OneElementPerTouch_ByChannel()
    {
        var lead = Samples.Lead("E-effort-done-no-disposition");
        var groups = Groups(TimelineSvg.Render(Samples.RankBands, lead, Samples.At), "sla-touch");

        Assert.Equal(lead.Touches.Length, groups.Count);
        Assert.Equal(lead.Touches.OrderBy(t => t.At).Select(t => t.Channel), groups.Select(g => (string?)g.Attribute("data-channel")));
        Assert.Equal(lead.Touches.OrderBy(t => t.At).Select(t => EvaluationJson.FormatInstant(t.At)), groups.Select(g => (string?)g.Attribute("data-at")));
        Assert.All(groups, g => Assert.Equal((string?)g.Attribute("data-channel"), Label(g)));
    }

    [Fact]
    public void Render_AtAndSlaStart_AreDrawn()
    {
        var lead = Samples.Lead("L-1001");
        var document = XDocument.Parse(TimelineSvg.Render(Samples.RankBands, lead, Samples.At));

        Assert.Equal(EvaluationJson.FormatInstant(Samples.At), (string?)Single(document, "sla-at").Attribute("data-at"));
        Assert.Equal("2026-11-20T15:30:00Z", (string?)Single(document, "sla-start").Attribute("data-at"));
        Assert.Single(document.Descendants(Svg + "line"), l => Class(l) == "sla-at-line");
    }

    [Fact]
    public void Render_PausedIntervals_AreHatched()
    {
        var lead = Samples.Lead("E-paused-effort");
        var paused = Groups(TimelineSvg.Render(Samples.RankBands, lead, Samples.At), "sla-paused");

        Assert.Equal(lead.Paused.Intervals.Length, paused.Count);
        Assert.Equal(EvaluationJson.FormatInstant(lead.Paused.Intervals[0].Start), (string?)paused[0].Attribute("data-from"));
        Assert.Contains("url(#sla-hatch)", paused[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HolidaysAndOverrides_AreNamed()
    {
        // Handed over the Monday before Thanksgiving; effort runs past Christmas Eve's override.
        var lead = Samples.Parse("""{"id":"H-1","mql_at":"2026-11-23T15:00:00Z","attributes":{"rank":70,"employees":500,"purchase_timeline":"now"}}""");
        var at = Instant.FromUtc(2026, 12, 24, 20, 0);
        var document = XDocument.Parse(TimelineSvg.Render(Samples.RankBands, lead, at));

        var holiday = document.Descendants(Svg + "g").Single(g => Class(g) == "sla-holiday" && (string?)g.Attribute("data-date") == "2026-11-26");
        Assert.Equal("Thanksgiving", (string?)holiday.Attribute("data-name"));
        var christmasEve = document.Descendants(Svg + "g").Single(g => Class(g) == "sla-override" && (string?)g.Attribute("data-date") == "2026-12-24");
        Assert.Contains("override: 09:00-13:00", Label(christmasEve), StringComparison.Ordinal);
        Assert.Contains(document.Descendants(Svg + "rect"), r => Class(r) == "sla-open override");
    }

    [Fact]
    public void Render_OvernightHours_RunAcrossMidnight()
    {
        var document = XDocument.Parse(TimelineSvg.Render(Samples.RankBands, Samples.Lead("E-emea-night-desk"), Samples.At));

        var overnight = document.Descendants(Svg + "rect").Where(r => Class(r).Contains("overnight")).ToList();
        Assert.NotEmpty(overnight);
        Assert.Contains("times in Europe/London", document.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithZone_DrawsInThatZone()
    {
        var svg = TimelineSvg.Render(Samples.RankBands, Samples.Lead("L-1001"), Samples.At, new TimelinePictureOptions { Zone = DateTimeZone.Utc });

        Assert.Contains("times in UTC", svg, StringComparison.Ordinal);
        Assert.Contains("SLA start Fri 20 Nov 15:30", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LeadWithoutSla_SaysSo()
    {
        var document = XDocument.Parse(TimelineSvg.Render(Samples.RankBands, Samples.Lead("E-competitor"), Samples.At));

        Assert.Empty(Groups(document.ToString(), "sla-milestone"));
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "no SLA: excluded");
    }

    [Fact]
    public void Render_DecadesLongAxis_LeavesTheHoursOutAndStaysSmall()
    {
        // A touch logged decades before the SLA start (a CRM import gone wrong) must not draw 30 years of hours.
        var lead = Samples.Lead("L-1001") with { Touches = [new LeadTouch { Channel = "call", At = Instant.FromUtc(1995, 1, 1, 0, 0) }] };

        var svg = TimelineSvg.Render(Samples.RankBands, lead, Samples.At);

        XDocument.Parse(svg);
        Assert.Contains("us-sales: hours not drawn over more than 400 days", svg, StringComparison.Ordinal);
        Assert.True(svg.Length < 60_000, $"{svg.Length} characters");
        Assert.Single(Groups(svg, "sla-touch"));
    }

    [Theory]
    [InlineData(Hostile.ScriptId)]
    [InlineData(Hostile.AttributeId)]
    public void Render_HostileTexts_StayText(string id)
    {
        var svg = TimelineSvg.Render(Samples.RankBands, Hostile.Lead(id), Samples.At);

        Hostile.AssertInert(svg);
        var document = XDocument.Parse(svg);
        Assert.Equal("Lead " + id, document.Descendants(Svg + "text").Single(t => Class(t).Contains("sla-lead-id")).Value);
        Assert.Contains(document.Descendants(Svg + "g"), g => (string?)g.Attribute("data-channel") == Hostile.Channel);
        Assert.Equal(["svg"], document.Descendants().Select(e => e.Name.LocalName).Where(n => n is "svg" or "script" or "img" or "foreignObject").Distinct());
        Assert.DoesNotContain(document.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Render_ControlCharacters_StayWellFormed()
    {
        var svg = TimelineSvg.Render(Samples.RankBands, Samples.Lead("L-1001") with { Id = "bell\u0007 nul\u0000 \uD800 end" }, Samples.At);

        var document = XDocument.Parse(svg);
        Assert.Contains("bell\uFFFD nul\uFFFD \uFFFD end", document.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsSelfContained()
    {
        var svg = TimelineSvg.Render(Samples.RankBands, Samples.Lead("E-paused-effort"), Samples.At);

        Assert.Equal(["http://www.w3.org/2000/svg"], Urls(svg));
        Assert.DoesNotContain("href", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameInput_SameBytes_InAnyCulture()
    {
        var lead = Samples.Lead("E-paused-effort");
        var expected = TimelineSvg.Render(Samples.RankBands, lead, Samples.At);
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "ar-SA", "tr-TR", "fa-IR" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.Equal(expected, TimelineSvg.Render(Samples.RankBands, lead, Samples.At));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = original;
        }
    }

    [Fact]
    public void Render_Labels_DoNotOverlap()
    {
        foreach (var id in new[] { "L-1001", "E-breached-escalated", "E-effort-done-no-disposition", "E-paused-effort" })
        {
            var document = XDocument.Parse(TimelineSvg.Render(Samples.RankBands, Samples.Lead(id), Samples.At));
            var boxes = document.Descendants(Svg + "text").Where(t => Class(t) == "sla-label").Select(Box).ToList();
            for (var i = 0; i < boxes.Count; i++)
            {
                for (var j = i + 1; j < boxes.Count; j++)
                {
                    var (a, b) = (boxes[i], boxes[j]);
                    var overlap = a.Y == b.Y && a.From < b.To && b.From < a.To;
                    Assert.False(overlap, $"{id}: '{a.Text}' overlaps '{b.Text}'");
                }
            }
        }
    }

    internal static List<XElement> Groups(string svg, string cssClass) =>
        XDocument.Parse(svg).Descendants(Svg + "g").Where(g => Class(g).Split(' ').Contains(cssClass)).ToList();

    internal static string Class(XElement element) => (string?)element.Attribute("class") ?? string.Empty;

    internal static string Label(XElement group) => group.Elements(Svg + "text").Single().Value;

    /// <summary>Every http(s) URL in a text.</summary>
    internal static IReadOnlyList<string> Urls(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "https?://[^\"'\\s)<>]*").Select(m => m.Value).Distinct().ToList();

    private static XElement Single(XDocument document, string cssClass) =>
        document.Descendants(Svg + "g").Single(g => Class(g).Split(' ').Contains(cssClass));

    private static (double From, double To, double Y, string Text) Box(XElement text)
    {
        var x = double.Parse((string)text.Attribute("x")!, CultureInfo.InvariantCulture);
        var y = double.Parse((string)text.Attribute("y")!, CultureInfo.InvariantCulture);
        var width = LabelRows.Width(text.Value);
        return (string?)text.Attribute("text-anchor") == "end" ? (x - width, x, y, text.Value) : (x, x + width, y, text.Value);
    }
}
