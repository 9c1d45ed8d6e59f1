using System.Text.Json;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Evaluation;
using static SlaEngine.Tests.Cli.CliRunner;

namespace SlaEngine.Tests.Evaluation;

/// <summary>
/// Lead data is checked against the policy's <c>fields</c>, not guessed: a wrong type, an enum value outside the enum
/// and a touch channel no tier names are warnings on the lead (the mismatching attribute read as missing), a strict
/// option makes them the lead's error, and a lead not yet handed off at <c>at</c> says so.
/// </summary>
public sealed class LeadDataCheckTests
{
    private const string Base = "\"id\":\"W\",\"mql_at\":\"2026-11-20T15:30:00Z\"";

    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    private static LeadEvaluation Evaluate(string json, EvaluationOptions? options = null) =>
        TestPolicies.Sample("rank-bands.yaml").TryEvaluate(LeadSnapshot.Parse(json).Value, At, options ?? EvaluationOptions.WithoutTrace).GetValueOrThrow();

    [Theory]
    [InlineData("""{"employees":"2000","rank":70}""", DiagnosticCodes.LeadAttributeWrongType, "attributes.employees", "`employees` is declared a number in `fields`, but the lead gives a string (\"2000\"); it is read as missing")]
    [InlineData("""{"rank":true}""", DiagnosticCodes.LeadAttributeWrongType, "attributes.rank", "`rank` is declared a number in `fields`, but the lead gives a boolean (true); it is read as missing")]
    [InlineData("""{"pain_with_provider":"yes"}""", DiagnosticCodes.LeadAttributeWrongType, "attributes.pain_with_provider", null)]
    [InlineData("""{"title":["VP"]}""", DiagnosticCodes.LeadAttributeWrongType, "attributes.title", null)]
    [InlineData("""{"purchase_timeline":"soon"}""", DiagnosticCodes.LeadEnumValueUnknown, "attributes.purchase_timeline", "\"soon\" is not a value of `purchase_timeline` (now, 1-6 months, 6-12 months, none); it is read as missing")]
    [InlineData("""{"purchase_timeline":"nwo"}""", DiagnosticCodes.LeadEnumValueUnknown, "attributes.purchase_timeline", "\"nwo\" is not a value of `purchase_timeline` (now, 1-6 months, 6-12 months, none); it is read as missing; did you mean `now`?")]
    [InlineData("""{"purchase_timeline":6}""", DiagnosticCodes.LeadAttributeWrongType, "attributes.purchase_timeline", null)]
    public void Evaluate_AttributeNotMatchingItsField_IsAWarningAndReadAsMissing(string attributes, string code, string path, string? message)
    {
        var evaluation = Evaluate("{" + Base + ",\"attributes\":" + attributes + "}");

        var warning = Assert.Single(evaluation.Warnings);
        Assert.Equal((code, path, true), (warning.Code, warning.Path, warning.IsDataMismatch));
        if (message is not null)
        {
            Assert.Equal(message, warning.Message);
        }

        // Read as missing: the same verdict as the lead without that attribute.
        var name = path["attributes.".Length..];
        var without = LeadSnapshot.Parse("{" + Base + ",\"attributes\":" + attributes + "}").Value;
        without = without with { Attributes = without.Attributes.Remove(name) };
        var expected = TestPolicies.Sample("rank-bands.yaml").Evaluate(without, At, EvaluationOptions.WithoutTrace);
        Assert.Equal(EvaluationJson.Serialize(expected), EvaluationJson.Serialize(evaluation with { Warnings = [] }));
    }

    [Fact]
    public void Evaluate_StringNumberForABandField_NoLongerLandsInATier()
    {
        // "employees":"2000" used to compare as text; now it is missing, and the warning says why.
        var evaluation = Evaluate("{" + Base + ""","attributes":{"rank":"91"}}""");

        Assert.Equal(LeadStatus.Nurture, evaluation.Status);
        Assert.Equal("attributes.rank", Assert.Single(evaluation.Warnings).Path);
    }

    [Theory]
    [InlineData("""{"purchase_timeline":"NOW","rank":91}""")] // enum values compare ignoring case, like conditions
    [InlineData("""{"employees":250,"email":"a@b.c","pain_with_provider":false,"tags":"undeclared"}""")] // attributes outside `fields` are not checked
    [InlineData("""{"employees":null}""")] // null is missing anyway
    public void Evaluate_MatchingData_HasNoWarnings(string attributes)
    {
        var evaluation = Evaluate("{" + Base + ",\"attributes\":" + attributes + ",\"touches\":[{\"channel\":\"CALL\",\"at\":\"2026-11-20T16:00:00Z\"}]}");

        Assert.Empty(evaluation.Warnings);
        Assert.DoesNotContain("\"warnings\"", EvaluationJson.Serialize(evaluation), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TouchOnAChannelNoTierNames_IsAWarningAndTheTouchIsKept()
    {
        var evaluation = Evaluate("{" + Base + ""","attributes":{"rank":91,"purchase_timeline":"now"},"touches":[{"channel":"call","at":"2026-11-20T16:00:00Z"},{"channel":"phone","at":"2026-11-20T17:00:00Z"}]}""");

        var warning = Assert.Single(evaluation.Warnings);
        Assert.Equal((DiagnosticCodes.LeadTouchChannelUnknown, "touches[1].channel"), (warning.Code, warning.Path));
        Assert.Equal("the channel `phone` is not named by any tier of the policy (it names call, email), so the touch meets no channel's milestone", warning.Message);
        Assert.Equal(MilestoneStatus.Met, evaluation.Milestone("first_touch")!.Status);
        Assert.Contains(""","warnings":[{"code":"SLA0712","message":"the channel `phone` is not named by any tier of the policy (it names call, email), so the touch meets no channel's milestone","path":"touches[1].channel"}]""", EvaluationJson.Serialize(evaluation), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PolicyWithoutFields_ChecksNoData()
    {
        var yaml = System.Text.RegularExpressions.Regex.Replace(TestPolicies.HandCheckedYaml, "fields:\n(  .*\n)+", string.Empty);
        Assert.DoesNotContain("fields:", yaml, StringComparison.Ordinal);
        var policy = PolicyLoader.Load(yaml, "no-fields.yaml");

        var evaluation = policy.Evaluate(LeadSnapshot.Parse("""{"id":"x","mql_at":"2027-06-01T14:00:00Z","attributes":{"employees":"2000"},"touches":[{"channel":"pigeon","at":"2027-06-01T14:10:00Z"}]}""").Value, Instant.FromUtc(2027, 6, 1, 15, 0));

        Assert.Empty(evaluation.Warnings);
    }

    [Fact]
    public void TryEvaluate_Strict_MakesTheFirstMismatchTheLeadsError()
    {
        var lead = LeadSnapshot.Parse("{" + Base + ""","attributes":{"employees":"2000","purchase_timeline":"soon"}}""").Value;
        var policy = TestPolicies.Sample("rank-bands.yaml");

        var result = policy.TryEvaluate(lead, At, EvaluationOptions.WithoutTrace with { Strict = true });

        Assert.False(result.Success);
        Assert.Equal((DiagnosticCodes.LeadAttributeWrongType, "attributes.employees", "W"), (result.Error!.Code, result.Error.Path, result.LeadId));
        Assert.Equal(2, policy.TryEvaluate(lead, At).Value.Warnings.Length); // not strict: both are warnings
        Assert.Equal(DiagnosticCodes.LeadAttributeWrongType, Assert.Throws<InvalidLeadException>(() => policy.Evaluate(lead, At, EvaluationOptions.WithTrace with { Strict = true })).Error.Code);
    }

    [Fact]
    public void Evaluate_MqlAtAfterAt_WarnsThatTheSlaHasNotStarted()
    {
        var lead = LeadSnapshot.Parse("""{"id":"early","mql_at":"2026-11-25T15:30:00Z","attributes":{"rank":91,"purchase_timeline":"now"}}""").Value;
        var policy = TestPolicies.Sample("rank-bands.yaml");

        var evaluation = policy.TryEvaluate(lead, At, EvaluationOptions.WithoutTrace with { Strict = true }).Value; // not a data mismatch: strict does not refuse it

        var warning = Assert.Single(evaluation.Warnings);
        Assert.Equal((DiagnosticCodes.LeadNotHandedOff, "mql_at", false), (warning.Code, warning.Path, warning.IsDataMismatch));
        Assert.StartsWith("mql_at is after at: the SLA has not started", warning.Message, StringComparison.Ordinal);
        Assert.Equal(LeadStatus.Mql, evaluation.Status); // evaluated as before: the SLA runs from mql_at
        Assert.Equal(Instant.FromUtc(2026, 11, 25, 15, 30), evaluation.SlaStart);
    }

    [Fact]
    public void Tool_WarningsStrictAndNotHandedOff()
    {
        using var leads = new TempFile(
        [
            """{"id":"typed","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":"91"}}""",
            """{"id":"early","mql_at":"2026-11-25T15:30:00Z","attributes":{"rank":91,"purchase_timeline":"now"}}""",
            """{"id":"fine","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"purchase_timeline":"now"}}""",
        ]);

        var (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At.ToString(), "--leads", leads.Path);
        var lines = Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(0, code); // warnings do not make a lead invalid
        Assert.Equal("SLA0710", lines[0].GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Equal("attributes.rank", lines[0].GetProperty("warnings")[0].GetProperty("path").GetString());
        Assert.Equal("SLA0713", lines[1].GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.False(lines[2].TryGetProperty("warnings", out _));

        (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At.ToString(), "--leads", leads.Path, "--strict");
        lines = Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(3, code);
        Assert.Equal("SLA0710", lines[0].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1, lines[0].GetProperty("error").GetProperty("line").GetInt32());
        Assert.Equal("SLA0713", lines[1].GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Equal("mql", lines[2].GetProperty("status").GetString());

        var (reportCode, _, reportErr) = Run("report", "--policy", RankBands, "--at", At.ToString(), "--leads", leads.Path, "--strict");
        Assert.Equal(3, reportCode);
        Assert.Contains("\"code\":\"SLA0710\"", reportErr, StringComparison.Ordinal);
    }
}
