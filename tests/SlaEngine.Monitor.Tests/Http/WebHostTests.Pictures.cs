using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SlaEngine.Monitor.Tests.Http;

/// <summary>
/// The pictures of the stored leads over HTTP: <c>GET /leads/{id}/timeline.svg</c> and <c>GET /report.html?policy=P</c>
/// (their 401 without the key is in <see cref="EveryEndpoint_WithoutOrWithAWrongKey_Is401"/>).
/// </summary>
public sealed partial class WebHostTests
{
    [Fact]
    public async Task TimelineSvg_StoredLead_IsWellFormedSvgWithOneElementPerMilestoneOfItsEvaluationNow()
    {
        // A hostile id: it travels escaped in the address and must come back as text in well-formed XML.
        const string id = "P-<1>&\"x\"";
        var path = "leads/" + Uri.EscapeDataString(id);
        var now = DateTimeOffset.UtcNow;
        using var put = await host.Client.PutAsync(
            path + "?policy=monitor-test",
            Json($$"""{"id":{{JsonSerializer.Serialize(id)}},"mql_at":"{{Iso(now.AddHours(-3))}}","touches":[{"channel":"call","at":"{{Iso(now.AddHours(-2))}}"}]}"""));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        using var response = await host.Client.GetAsync(path + "/timeline.svg");
        using var lead = JsonDocument.Parse(await (await host.Client.GetAsync(path)).Content.ReadAsStringAsync());
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var svg = XDocument.Parse(text);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var expected = lead.RootElement.GetProperty("milestones").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("status").GetString()!);
        var drawn = WithClass(svg, "sla-milestone").ToDictionary(e => (string)e.Attribute("data-milestone")!, e => (string)e.Attribute("data-status")!);
        Assert.Contains("first_touch", expected.Keys);
        Assert.Equal(expected.OrderBy(p => p.Key), drawn.OrderBy(p => p.Key));
        Assert.Equal("met", drawn["first_touch"]);
        Assert.Equal(["call"], WithClass(svg, "sla-touch").Select(e => (string)e.Attribute("data-channel")!));
        Assert.Contains(svg.Descendants().Where(e => !e.HasElements), e => e.Value.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain("<1>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimelineSvg_UnknownLead_Is404WithAJsonError()
    {
        using var response = await host.Client.GetAsync("leads/nobody-here/timeline.svg");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("not_found", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("nobody-here", json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pictures_PolicyNoLongerLoaded_Are404WithTheMonitorsCode()
    {
        using var put = await host.Client.PutAsync("leads/G-1?policy=gone", Json("{\"id\":\"G-1\",\"mql_at\":\"2026-11-16T09:00:00Z\"}"));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        File.Delete(Path.Combine(host.PolicyDirectory, "gone.yaml"));
        using var reload = await host.Client.PostAsync("policies/reload", null);
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);

        using var svg = await host.Client.GetAsync("leads/G-1/timeline.svg");
        using var report = await host.Client.GetAsync("report.html?policy=gone");

        Assert.Equal(HttpStatusCode.NotFound, svg.StatusCode);
        using var svgError = JsonDocument.Parse(await svg.Content.ReadAsStringAsync());
        Assert.Equal("G-1", svgError.RootElement.GetProperty("id").GetString());
        Assert.Equal(MonitorErrorCodes.PolicyNotLoaded, svgError.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        using var reportError = JsonDocument.Parse(await report.Content.ReadAsStringAsync());
        Assert.Contains("'gone'", reportError.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportHtml_CountsEveryStoredLeadOfThePolicy_ByTierAndByTeam()
    {
        // Only this test stores leads under 'ranked': two in tier fast (rank 80-100), one in tier slow.
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, rank) in new[] { ("R-1", 95), ("R-2", 80), ("R-3", 10) })
        {
            using var put = await host.Client.PutAsync(
                $"leads/{id}?policy=ranked", Json($"{{\"id\":\"{id}\",\"mql_at\":\"{Iso(now.AddHours(-3))}\",\"attributes\":{{\"rank\":{rank}}}}}"));
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        await EnsureLeadAsync("H-1");   // a lead of another policy, not counted

        using var response = await host.Client.GetAsync("report.html?policy=ranked");
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Contains("ranked v1 · evaluated at ", html, StringComparison.Ordinal);
        Assert.Contains(" · 3 leads</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid lead", html, StringComparison.Ordinal);
        Assert.Contains("data-by=\"tier\"", html, StringComparison.Ordinal);
        Assert.Contains("data-by=\"team\"", html, StringComparison.Ordinal);
        Assert.Equal(2, GroupLeads(html, "fast"));
        Assert.Equal(1, GroupLeads(html, "slow"));
        Assert.Equal(3, GroupLeads(html, "sales"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("report.html?policy=nope", HttpStatusCode.NotFound, "not_found", "nope")]
    [InlineData("report.html", HttpStatusCode.BadRequest, "SLA0802", "policy")]
    [InlineData("report.html?policy=", HttpStatusCode.BadRequest, "SLA0802", "policy")]
    public async Task ReportHtml_UnknownOrMissingPolicy_IsAJsonError(string path, HttpStatusCode status, string code, string named)
    {
        using var response = await host.Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(code, json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(named, json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IEnumerable<XElement> WithClass(XDocument svg, string name) =>
        svg.Descendants().Where(e => ((string?)e.Attribute("class") ?? "").Split(' ').Contains(name));

    /// <summary>The Leads column of a group's row in the report's group tables.</summary>
    private static int GroupLeads(string html, string group)
    {
        var match = Regex.Match(html, "<tr class=\"sla-group\" data-group=\"" + Regex.Escape(group) + "\"><td><b>[^<]*</b></td><td class=\"num\">([0-9]+)</td>");
        Assert.True(match.Success, $"no group row '{group}'");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
