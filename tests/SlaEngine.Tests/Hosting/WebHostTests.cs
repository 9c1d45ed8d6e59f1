using System.Net;
using System.Text;
using System.Text.Json;

namespace SlaEngine.Tests.Hosting;

/// <summary>The sample web host (samples/WebHost), started as a process and called over HTTP.</summary>
public sealed class WebHostTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    private const string SpecLead = """
        {"id":"L-1001","mql_at":"2026-11-20T15:30:00Z",
         "attributes":{"employees":250,"rank":91,"purchase_timeline":"1-6 months","email":"ana@acme.com","title":"VP Marketing","country":"US"},
         "events":[{"type":"whitepaper_download","at":"2026-11-01T10:00:00Z"}],
         "touches":[{"channel":"call","at":"2026-11-20T16:10:00Z","outcome":"no_answer"}],
         "paused":[{"from":"2026-11-21T00:00:00Z","to":"2026-11-22T00:00:00Z"}]}
        """;

    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task Evaluate_SpecLead_ReturnsTheSpecEvaluation()
    {
        using var response = await PostLead("evaluate?policy=lattice-predictive&at=2026-11-22T12:00:00Z", SpecLead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("L-1001", root.GetProperty("id").GetString());
        Assert.Equal(3, root.GetProperty("version").GetInt32());
        Assert.Equal("mql", root.GetProperty("status").GetString());
        Assert.Equal("trigger: ready to buy", root.GetProperty("reason").GetString());
        Assert.Equal("platinum", root.GetProperty("tier").GetString());
        Assert.Equal("enterprise", root.GetProperty("team").GetString());
        var firstTouch = root.GetProperty("milestones")[0];
        Assert.Equal("first_touch", firstTouch.GetProperty("name").GetString());
        Assert.Equal("2026-11-20T18:30:00Z", firstTouch.GetProperty("due").GetString());
        Assert.Equal("met", firstTouch.GetProperty("status").GetString());
        Assert.Equal("2026-11-23T15:55:00Z", root.GetProperty("next_touch").GetProperty("due").GetString());
        Assert.False(root.TryGetProperty("trace", out _));
    }

    [Fact]
    public async Task Evaluate_Explain_AddsTheTrace()
    {
        using var response = await PostLead("evaluate?policy=lattice-predictive&at=2026-11-22T12:00:00Z&explain=true", SpecLead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("trace").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Evaluate_BadLead_Returns400WithLocatedError()
    {
        using var response = await PostLead("evaluate?policy=lattice-predictive&at=2026-11-22T12:00:00Z", """{"id":"L-9","mql_at":"yesterday"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("L-9", json.RootElement.GetProperty("id").GetString());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("SLA0703", error.GetProperty("code").GetString());
        Assert.StartsWith("'mql_at' is 'yesterday'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MalformedJson_Returns400WithColumn()
    {
        using var response = await PostLead("evaluate?policy=lattice-predictive&at=2026-11-22T12:00:00Z", """{"id": "L-9", """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("SLA0701", error.GetProperty("code").GetString());
        Assert.Contains("at column", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_LoneSurrogate_Returns400WithPathAndId()
    {
        using var response = await PostLead("evaluate?policy=lattice-predictive&at=2026-11-22T12:00:00Z", """{"id":"L-8","attributes":{"title":"a\ud800b"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("L-8", json.RootElement.GetProperty("id").GetString());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(("SLA0701", "attributes.title"), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Evaluate_DataNotMatchingFields_IsEvaluatedWithWarnings()
    {
        using var response = await PostLead(
            "evaluate?policy=lattice-predictive&at=2026-11-22T12:00:00Z",
            """{"id":"L-6","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"purchase_timeline":"now","employees":"2000"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("mql", json.RootElement.GetProperty("status").GetString()); // the evaluation line, written by LeadEvaluationJsonConverter
        var warning = json.RootElement.GetProperty("warnings")[0];
        Assert.Equal(("SLA0710", "attributes.employees"), (warning.GetProperty("code").GetString(), warning.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Evaluate_PinnedUnknownTier_Returns400()
    {
        using var response = await PostLead(
            "evaluate?policy=lattice-predictive&at=2026-11-22T12:00:00Z",
            """{"id":"L-7","mql_at":"2026-11-20T15:30:00Z","assigned":{"tier":"diamond"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SLA0705", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("evaluate?at=2026-11-22T12:00:00Z", HttpStatusCode.BadRequest)]                         // no policy
    [InlineData("evaluate?policy=lattice-predictive&at=tomorrow", HttpStatusCode.BadRequest)]          // bad instant
    [InlineData("evaluate?policy=nope&at=2026-11-22T12:00:00Z", HttpStatusCode.NotFound)]              // unknown policy
    [InlineData("evaluate?policy=lattice-predictive&version=9&at=2026-11-22T12:00:00Z", HttpStatusCode.NotFound)] // unknown version
    public async Task Evaluate_BadQuery_ReturnsErrorStatus(string path, HttpStatusCode expected)
    {
        using var response = await PostLead(path, SpecLead);

        Assert.Equal(expected, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Policies_ListsEveryIdWithVersions()
    {
        using var json = await GetPolicies();

        var policies = json.RootElement.GetProperty("policies").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.Superset(new HashSet<string> { "escalation-ladder", "lattice-predictive", "level-of-effort", "scoring-routing" }, policies.Keys.ToHashSet());
        Assert.Equal(3, policies["lattice-predictive"].GetProperty("active").GetInt32());
        Assert.Equal([3], policies["lattice-predictive"].GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
    }

    [Fact]
    public async Task Reload_NewVersionThenBrokenFile_SwapsThenKeepsTheOldSnapshot()
    {
        var probe = Path.Combine(fixture.PolicyDirectory, "zz-reload-probe.yaml");
        var broken = Path.Combine(fixture.PolicyDirectory, "zz-broken.yaml");
        try
        {
            File.WriteAllText(probe, Probe(1));
            using (var first = await Client.PostAsync("policies/reload", null))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            }

            var generation = (await GetPolicies()).RootElement.GetProperty("generation").GetInt64();
            File.WriteAllText(Path.Combine(fixture.PolicyDirectory, "zz-reload-probe-2.yaml"), Probe(2));

            using (var second = await Client.PostAsync("policies/reload", null))
            {
                Assert.Equal(HttpStatusCode.OK, second.StatusCode);
                using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
                Assert.True(body.RootElement.GetProperty("success").GetBoolean());
                Assert.Equal(generation + 1, body.RootElement.GetProperty("generation").GetInt64());
            }

            Assert.Equal(2, ActiveVersion(await GetPolicies(), "reload-probe"));

            File.WriteAllText(broken, "policy: broken\nversion: 1\nbogus: true\ncalendars:\n  office: { zone: UTC, hours: { mon-fri: [09:00-17:00] } }\n");
            using (var third = await Client.PostAsync("policies/reload", null))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, third.StatusCode);
                using var body = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
                Assert.False(body.RootElement.GetProperty("success").GetBoolean());
                Assert.Equal(generation + 1, body.RootElement.GetProperty("generation").GetInt64());
                var error = body.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error");
                Assert.Equal("SLA0020", error.GetProperty("code").GetString());
                Assert.Equal(3, error.GetProperty("line").GetInt32());
                Assert.EndsWith("zz-broken.yaml", error.GetProperty("file").GetString(), StringComparison.Ordinal);
            }

            // The old snapshot is still served.
            using var after = await GetPolicies();
            Assert.Equal(generation + 1, after.RootElement.GetProperty("generation").GetInt64());
            Assert.Equal(2, ActiveVersion(after, "reload-probe"));
        }
        finally
        {
            File.Delete(broken);
            File.Delete(probe);
            File.Delete(Path.Combine(fixture.PolicyDirectory, "zz-reload-probe-2.yaml"));
            using var restore = await Client.PostAsync("policies/reload", null);
        }
    }

    [Fact]
    public async Task Startup_BadPolicy_ExitsWithEveryErrorLocated()
    {
        var directory = Directory.CreateTempSubdirectory("slaengine-webhost-bad-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "bad.yaml"), "policy: Bad\nversion: 1\ncalendars:\n  x:\n    zone: Mars/Olympus\n    hours: { mon: [09:00-17:00] }\n");

            var (exitCode, output) = await WebHostProcess.RunToExitAsync(directory, TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            Assert.Contains("bad.yaml:1:9: error SLA0030", output, StringComparison.Ordinal);
            Assert.Contains("bad.yaml:5:11: error", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int ActiveVersion(JsonDocument policies, string id) =>
        policies.RootElement.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id).GetProperty("active").GetInt32();

    private static string Probe(int version) => $$"""
        policy: reload-probe
        version: {{version}}
        calendars:
          office: { zone: UTC, hours: { mon-fri: [09:00-17:00] } }
        """;

    private Task<HttpResponseMessage> PostLead(string path, string lead) =>
        Client.PostAsync(path, new StringContent(lead, Encoding.UTF8, "application/json"));

    private async Task<JsonDocument> GetPolicies()
    {
        using var response = await Client.GetAsync("policies");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
