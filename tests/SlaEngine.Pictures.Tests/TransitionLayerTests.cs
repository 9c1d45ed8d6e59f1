using System.Text;
using System.Xml.Linq;
using NodaTime;

namespace SlaEngine.Pictures.Tests;

/// <summary>The layer drawn from a lead's transitions (warning windows, changes ahead), fed with known transitions.</summary>
public sealed class TransitionLayerTests
{
    private static readonly Instant AtRisk = Instant.FromUtc(2026, 11, 20, 21, 45, 0); // Friday 16:45 New York: 30 business minutes left
    private static readonly Instant Breach = Instant.FromUtc(2026, 11, 23, 14, 15, 1); // Monday 09:15:01 New York

    [Fact]
    public void AtRiskTransition_DrawsTheWarningWindow()
    {
        var svg = Render("E-at-risk");

        var milestone = TimelineSvgTests.Groups(svg, "sla-milestone").Single(g => (string?)g.Attribute("data-milestone") == "first_touch");
        Assert.Equal("2026-11-20T21:45:00Z", (string?)milestone.Attribute("data-warn-from"));
        Assert.Single(milestone.Descendants(), e => (string?)e.Attribute("class") == "sla-warn-window");
        Assert.Contains("at risk from Fri 20 Nov 2026 16:45 EST", milestone.Element(XName.Get("title", "http://www.w3.org/2000/svg"))!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void TransitionsAhead_AreDrawnWithTheirKeys()
    {
        var svg = Render("E-at-risk");

        var ahead = TimelineSvgTests.Groups(svg, "sla-transition");
        Assert.Equal(["escalation_2", "first_touch"], ahead.Select(g => (string?)g.Attribute("data-subject")));
        Assert.Equal(["escalation_2 fires", "first_touch → breached"], ahead.Select(TimelineSvgTests.Label));
        Assert.Equal("E-at-risk|lattice-predictive@3|first_touch|status|\"breached\"|2026-11-23T14:15:01Z", (string?)ahead[1].Attribute("data-key"));
        Assert.Contains("next change Sun 22 Nov 15:15", svg, StringComparison.Ordinal);

        // The transition before `at` only gave the warning window; it is not drawn as a change ahead.
        Assert.DoesNotContain(ahead, g => (string?)g.Attribute("data-at") == "2026-11-20T21:45:00Z");
    }

    [Fact]
    public void TransitionsFarAhead_AreCountedInANote()
    {
        var far = Instant.FromUtc(2027, 6, 1, 0, 0);
        var svg = Render("E-at-risk", [Transition(far, "lead", "band", "\"A\"", "\"B\"")]);

        Assert.Empty(TimelineSvgTests.Groups(svg, "sla-transition"));
        Assert.Contains("no change inside the picture; 1 later, the first Mon 31 May 20:00", svg, StringComparison.Ordinal);
    }

    private static string Render(string id, IReadOnlyList<PictureTransition>? extra = null)
    {
        IReadOnlyList<PictureTransition> transitions =
        [
            Transition(AtRisk, "first_touch", "status", "\"pending\"", "\"at_risk\""),
            Transition(Breach, "first_touch", "status", "\"at_risk\"", "\"breached\""),
            Transition(Instant.FromUtc(2026, 11, 22, 20, 15, 0), "escalation_2", "fired", "false", "true"),
        ];
        if (extra is not null)
        {
            transitions = extra;
        }

        var scene = TimelineScene.Create(Samples.RankBands, Samples.Lead(id), Samples.At, TimelinePictureOptions.Default, (_, _, from, until) =>
            transitions.Where(t => t.At > from && t.At <= until).OrderBy(t => t.At).ToList());
        var svg = new StringBuilder();
        TimelineRenderer.Render(svg, scene, TimelinePictureOptions.Default, "t-");
        XDocument.Parse(svg.ToString());
        return svg.ToString();
    }

    private static PictureTransition Transition(Instant at, string subject, string field, string from, string to) =>
        new(at, subject, field, from, to, $"E-at-risk|lattice-predictive@3|{subject}|{field}|{to}|{SlaEngine.Evaluation.EvaluationJson.FormatInstant(at)}");
}
