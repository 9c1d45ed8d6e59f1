namespace SlaEngine.Pictures.Tests;

/// <summary>The many-leads page without a browser.</summary>
public sealed class TimelinePageTests
{
    [Fact]
    public void Render_IndexLinksEveryLeadToItsPicture()
    {
        var page = new TimelinePage(Samples.RankBands, Samples.At);
        page.Add(Samples.Lead("L-1001"));
        page.AddInvalid("BAD-instant", "SLA0703", "'mql_at' is not an instant", 298);
        page.Add(Samples.Lead("E-at-risk"));

        var html = page.Render();

        Assert.Equal(3, page.Count);
        Assert.Contains("<a href=\"#lead-1\">L-1001</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#lead-3\">E-at-risk</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"lead-1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"lead-3\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"lead-2\"", html, StringComparison.Ordinal);
        Assert.Contains("line 298: SLA0703: &#39;mql_at&#39; is not an instant", html, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sla-timeline\""));
    }

    [Fact]
    public void Add_LeadThatCannotBeEvaluated_IsListedWithItsError()
    {
        var pinned = Samples.Parse("""{"id":"BAD-pinned","mql_at":"2026-11-20T15:30:00Z","assigned":{"tier":"diamond"}}""");
        var page = new TimelinePage(Samples.RankBands, Samples.At);

        Assert.False(page.Add(pinned));
        Assert.True(page.Add(Samples.Lead("L-1001")));

        var html = page.Render();
        Assert.Contains("BAD-pinned</td><td colspan=\"6\" class=\"error\">SLA0705: ", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#lead-2\">L-1001</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PatternIds_AreUniquePerPicture()
    {
        var page = new TimelinePage(Samples.RankBands, Samples.At);
        page.Add(Samples.Lead("E-paused-effort"));
        page.Add(Samples.Lead("L-1001"));

        var html = page.Render();

        Assert.Contains("id=\"l1-hatch\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"l2-hatch\"", html, StringComparison.Ordinal);
        Assert.Contains("url(#l1-hatch)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileIds_StayText()
    {
        var page = new TimelinePage(Samples.RankBands, Samples.At);
        page.Add(Hostile.Lead(Hostile.ScriptId));
        page.Add(Hostile.Lead(Hostile.AttributeId));
        page.AddInvalid(Hostile.ScriptId, "SLA0701", Hostile.AttributeId);

        var html = page.Render();

        Hostile.AssertInert(html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsSelfContained_AndDeterministic()
    {
        string Build()
        {
            var page = new TimelinePage(Samples.RankBands, Samples.At);
            foreach (var lead in Samples.Leads.Where(l => l.Id.StartsWith("E-", StringComparison.Ordinal)))
            {
                page.Add(lead);
            }

            return page.Render();
        }

        var html = Build();

        Assert.Equal(html, Build());
        Assert.Equal(["http://www.w3.org/2000/svg"], TimelineSvgTests.Urls(html));
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
    }
}
