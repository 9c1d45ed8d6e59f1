using System.Reflection;
using System.Text.Json;
using SlaEngine.Compilation;
using SlaEngine.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SlaEngine.Tests.Docs;

/// <summary>docs/schema/slaengine-policy.schema.json: every sample satisfies it, it rejects what the loader rejects, and its keys are the loader's.</summary>
public sealed class PolicySchemaTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "docs", "schema", "slaengine-policy.schema.json");

    private static readonly YamlSchemaChecker Checker = YamlSchemaChecker.Load(SchemaPath);

    public static TheoryData<string> SamplePolicies() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "policies"), "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void Schema_IsDraft07_RequiresPolicyAndVersion()
    {
        var root = Checker.Root;
        Assert.Equal("http://json-schema.org/draft-07/schema#", root.GetProperty("$schema").GetString());
        Assert.Equal(["policy", "version"], root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.False, root.GetProperty("additionalProperties").ValueKind);
        Assert.Equal("^[a-z0-9-]+$", root.GetProperty("properties").GetProperty("policy").GetProperty("pattern").GetString());
    }

    [Theory]
    [MemberData(nameof(SamplePolicies))]
    public void SamplePolicy_SatisfiesTheSchema(string file)
    {
        var errors = Checker.Check(LoadYaml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "policies", file))));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [InlineData("TestData/conformance/evaluation/lattice-predictive.yaml")] // the policy of spec section 2
    [InlineData("samples/GettingStarted/first-policy.yaml")]                // the policy of docs/getting-started.md
    public void DocumentedPolicy_SatisfiesTheSchema(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, relativePath);

        Assert.Empty(Checker.Check(LoadYaml(File.ReadAllText(path))));
    }

    [Theory]
    [InlineData("version: 1\n", "`policy` is required")]                                                     // required key
    [InlineData("policy: a\nversion: 1\nrouting_rules: []\n", "`routing_rules` is not an allowed key")]       // unknown top-level key
    [InlineData("policy: Big\nversion: 1\n", "does not match ^[a-z0-9-]+$")]                                 // id pattern
    [InlineData("policy: a\nversion: 0\n", "0 is below 1")]                                                   // version is positive
    [InlineData("policy: a\nversion: \"3\"\n", "is string, expected integer")]                                // version is a number
    [InlineData("policy: a\nversion: 1\ntiers:\n  t:\n    complete_within: 8 business fortnights\n", "does not match")] // duration unit
    [InlineData("policy: a\nversion: 1\ntiers:\n  t:\n    on_exhausted: drop\n", "`drop` is not one of")]    // enum
    [InlineData("policy: a\nversion: 1\ncalendars:\n  c:\n    zone: UTC\n    holidays:\n      - { date: 12-25, observed: closest }\n", "alternatives match")] // observance enum
    [InlineData("policy: a\nversion: 1\ncalendars:\n  c:\n    zone: UTC\n    hours:\n      weekdays: [09:00-17:00]\n", "does not match")] // weekday key
    [InlineData("policy: a\nversion: 1\ncalendars:\n  c:\n    zone: UTC\n    hours:\n      mon: [09:00-25:00]\n", "does not match")] // interval
    [InlineData("policy: a\nversion: 1\nfields:\n  rank: integer\n", "alternatives match")]                 // field type enum
    [InlineData("policy: a\nversion: 1\ngoals:\n  first_touch_ratio: { min: 95% }\n", "alternatives match")] // goal name
    public void BrokenPolicy_FailsTheSchema(string yaml, string expected)
    {
        var errors = Checker.Check(LoadYaml(yaml));

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("TopLevelKeys", "$")]
    [InlineData("CalendarKeys", "#/definitions/calendar")]
    [InlineData("HolidayKeys", "#/definitions/calendar/properties/holidays/items/anyOf/1")]
    [InlineData("ScoringRuleKeys", "#/definitions/scoringRule")]
    [InlineData("QualificationKeys", "$/properties/qualification")]
    [InlineData("TriggerKeys", "$/properties/qualification/properties/triggers/items")]
    [InlineData("BandsKeys", "$/properties/bands")]
    [InlineData("BandKeys", "#/definitions/band")]
    [InlineData("RoutingKeys", "$/properties/routing/items")]
    [InlineData("TierKeys", "#/definitions/tier")]
    [InlineData("FirstTouchKeys", "#/definitions/tier/properties/first_touch")]
    [InlineData("CadenceStepKeys", "#/definitions/tier/properties/cadence/items")]
    [InlineData("EscalationKeys", "#/definitions/tier/properties/escalations/items")]
    public void SchemaKeys_AreTheLoadersKeys(string loaderField, string schemaPath)
    {
        var field = typeof(PolicyValidationException).Assembly.GetType("SlaEngine.Compilation.PolicyCompiler", throwOnError: true)!
            .GetField(loaderField, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"PolicyCompiler.{loaderField} is gone; update this test and the schema");
        var loaderKeys = ((string[])field.GetValue(null)!).Order(StringComparer.Ordinal);

        var node = Checker.Root;
        foreach (var part in schemaPath.TrimStart('$', '#').Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = int.TryParse(part, out var index) ? node[index] : node.GetProperty(part);
        }

        var schemaKeys = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(loaderKeys, schemaKeys);
    }

    private static YamlNode LoadYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }
}
