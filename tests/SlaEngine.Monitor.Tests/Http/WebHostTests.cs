using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SlaEngine.Monitor.Tests.Http;

/// <summary>
/// The monitor over HTTP in the sample web host: the bearer key on every endpoint but /health, each endpoint's bad input
/// answered 400 with a located error (never 500), the 1 MiB body limit, and the happy paths.
/// </summary>
public sealed partial class WebHostTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "leads/L-1" },
        { "PUT", "leads/L-1?policy=monitor-test" },
        { "POST", "leads/L-1/touches" },
        { "POST", "leads/L-1/events" },
        { "POST", "leads/L-1/paused" },
        { "POST", "leads/L-1/disposition" },
        { "GET", "transitions" },
        { "POST", "evaluate?policy=monitor-test" },
        { "GET", "policies" },
        { "GET", "leads/L-1/timeline.svg" },
        { "GET", "report.html?policy=monitor-test" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryEndpoint_WithoutOrWithAWrongKey_Is401(string method, string path)
    {
        using var none = await host.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });
        var wrong = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WebHostFixture.ApiKey + "x");
        using var wrongKey = await host.Anonymous.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Health_NeedsNoKey()
    {
        using var response = await host.Anonymous.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string, string, string, string> BadBodies => new()
    {
        // method, path, body, code, words of the located message
        { "PUT", "leads/B-1?policy=monitor-test", "{\"id\":\"B-1\",\"mql_at\":\"yesterday\"}", "SLA0703", "mql_at" },
        { "PUT", "leads/B-1?policy=monitor-test", "{\"id\":\"B-1\",\"touches\":[{\"channel\":\"call\",\"at\":5}]}", "SLA0702", "touches[0].at" },
        { "PUT", "leads/B-1?policy=monitor-test", "{\"id\":\"B-2\"}", "SLA1008", "'id'" },
        { "PUT", "leads/B-1?policy=nope", "{\"id\":\"B-1\"}", "SLA1001", "nope" },
        { "PUT", "leads/B-9", "{\"id\":\"B-9\"}", "SLA1006", "policy" },
        { "PUT", "leads/B-1?policy=monitor-test", "{\"id\":\"B-1\",", "SLA0701", "JSON" },
        { "PUT", "leads/B-1?policy=monitor-test", "[1,2]", "SLA0702", "object" },
        { "POST", "leads/H-1/touches", "{\"channel\":\"call\",\"at\":5}", "SLA0702", "'at'" },
        { "POST", "leads/H-1/touches", "{\"at\":\"2026-11-16T10:00:00Z\"}", "SLA0706", "channel" },
        { "POST", "leads/H-1/touches", "not json", "SLA0701", "JSON" },
        { "POST", "leads/H-1/events", "{\"type\":\"webinar\",\"at\":\"noon\"}", "SLA0703", "'at'" },
        { "POST", "leads/H-1/paused", "{\"from\":\"2026-11-16T10:00:00Z\",\"to\":\"2026-11-16T09:00:00Z\"}", "SLA0707", "ends before it starts" },
        { "POST", "leads/H-1/disposition", "{\"outcome\":\"won\",\"at\":\"2026-11-16T10:00:00Z\"}", "SLA0704", "won" },
        { "POST", "leads/H-1/disposition", "[]", "SLA0701", "object" },
        { "GET", "transitions?after=-1", "", "SLA1009", "after" },
        { "GET", "transitions?limit=0", "", "SLA1009", "limit" },
        { "GET", "transitions?limit=ten", "", "SLA1009", "limit" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task EveryEndpoint_BadInput_Is400WithTheLocatedError(string method, string path, string body, string code, string located)
    {
        await EnsureLeadAsync("H-1");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = Json(body);
        }

        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(located, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "leads/Big?policy=monitor-test")]
    [InlineData("POST", "leads/H-1/touches")]
    public async Task Body_OverOneMebibyte_Is413NotA500(string method, string path)
    {
        await EnsureLeadAsync("H-1");
        var big = "{\"id\":\"Big\",\"attributes\":{\"note\":\"" + new string('x', 1 << 20) + "\"}}";

        // Expect: 100-continue, as a well-behaved client sends a large body: the host refuses it on the headers, before
        // the body is sent (a client that sends it anyway gets the same 413, then the connection closes).
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json(big) };
        request.Headers.ExpectContinue = true;
        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("SLA1010", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_JustUnderTheLimit_IsRead()
    {
        var note = new string('x', (1 << 20) - 200);
        var body = "{\"id\":\"Near\",\"mql_at\":\"2026-11-16T09:00:00Z\",\"attributes\":{\"note\":\"" + note + "\"}}";

        using var response = await host.Client.PutAsync("leads/Near?policy=monitor-test", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AppendToAnUnknownLead_Is404()
    {
        using var response = await host.Client.PostAsync("leads/nobody/touches", Json("{\"channel\":\"call\",\"at\":\"2026-11-16T10:00:00Z\"}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PutThenReadAndFollowTheFeed()
    {
        using var put = await host.Client.PutAsync("leads/F-1?policy=monitor-test", Json("{\"id\":\"F-1\",\"mql_at\":\"2020-01-01T09:00:00Z\"}"));
        using var touch = await host.Client.PostAsync("leads/F-1/touches", Json("{\"channel\":\"call\",\"at\":\"2020-01-01T10:00:00Z\"}"));
        using var get = await host.Client.GetAsync("leads/F-1");
        using var feed = await host.Client.GetAsync("transitions?after=0&limit=1000");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var evaluation = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
        Assert.Equal("F-1", evaluation.RootElement.GetProperty("id").GetString());
        Assert.Equal("mql", evaluation.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, touch.StatusCode);
        using var lead = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, lead.RootElement.GetProperty("transitions").ValueKind);
        Assert.Equal("2020-01-01T09:00:00Z", lead.RootElement.GetProperty("sla_start").GetString());
        using var page = JsonDocument.Parse(await feed.Content.ReadAsStringAsync());
        var items = page.RootElement.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("lead").GetString() == "F-1").ToList();
        Assert.Contains(items, i => i.GetProperty("key").GetString() == "F-1|monitor-test@1|first_touch|status|\"met\"|2020-01-01T10:00:00Z");
        Assert.All(items, i => Assert.True(i.TryGetProperty("recorded_at", out _) && i.TryGetProperty("seq", out _)));
        Assert.True(page.RootElement.GetProperty("next").GetInt64() >= items.Max(i => i.GetProperty("seq").GetInt64()));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task EnsureLeadAsync(string id)
    {
        using var response = await host.Client.PutAsync($"leads/{id}?policy=monitor-test", Json($"{{\"id\":\"{id}\",\"mql_at\":\"2026-11-16T09:00:00Z\"}}"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
