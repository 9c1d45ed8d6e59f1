using SlaEngine.Authoring;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Authoring;

/// <summary>Each lint rule with a policy that triggers it and one that does not.</summary>
public sealed class PolicyLinterTests
{
    // A clean policy: every section below is replaced or extended by the cases.
    private const string Calendars = """
        calendars:
          office:
            zone: UTC
            hours: { mon-fri: [09:00-17:00] }

        """;

    private const string Qualification = """
        qualification:
          triggers:
            - { name: hot, when: 'hot', tier: gold }

        """;

    private const string Routing = """
        routing:
          - { default: true, team: sales, calendar: office }

        """;

    private const string Tiers = """
        tiers:
          gold:
            first_touch: { channels: [call], within: 4 business hours }

        """;

    [Fact]
    public void Lint_CleanPolicy_HasNoWarnings() => Assert.Empty(Lint());

    [Fact]
    public void Lint_TriggerWithTheConditionOfAnExclusion_IsShadowed()
    {
        var warnings = Lint(
            exclusions: "exclusions:\n  - { name: test, when: 'email ends_with \"@test.com\"' }\n",
            qualification: "qualification:\n  triggers:\n    - { name: hot, when: 'hot', tier: gold }\n    - { name: tester, when: 'email  ends_with   \"@test.com\"' }\n");

        var warning = Assert.Single(warnings);
        Assert.Equal(DiagnosticCodes.TriggerShadowedByExclusion, warning.Code);
        Assert.Equal(18, warning.Line);
        Assert.Equal(7, warning.Column);
        Assert.Equal("trigger `tester` has the same condition as exclusion `test` (line 10): every lead it matches is excluded first, so it never fires", warning.Message);
    }

    [Fact]
    public void Lint_TriggerWithADifferentCondition_IsNotShadowed() =>
        Assert.Empty(Lint(exclusions: "exclusions:\n  - { name: test, when: 'email ends_with \"@test.com\"' }\n"));

    [Theory]
    [InlineData("rank", "{ name: X, from: 101, to: 200, tier: gold }", true)]    // entirely above 100
    [InlineData("rank", "{ name: X, below: 0, tier: gold }", true)]              // entirely below 0
    [InlineData("rank", "{ name: X, from: 90, to: 200, tier: gold }", false)]    // partly in range
    [InlineData("score", "{ name: X, from: 60, tier: gold }", true)]             // the rules add up to at most 25
    [InlineData("score", "{ name: X, from: 20, tier: gold }", false)]
    public void Lint_BandOutsideThePossibleValues(string by, string band, bool warns)
    {
        var bands = $"bands:\n  by: {by}\n  ranges:\n    - {band}\n";
        var scoring = "scoring:\n  rules:\n    - { name: a, when: 'hot', points: 10 }\n    - { name: b, event: visit, points: 5, max: 15 }\n    - { name: c, when: 'student', points: -5 }\n";

        var warnings = Lint(bands: bands, scoring: scoring);

        Assert.Equal(warns, warnings.Any(w => w.Code == DiagnosticCodes.BandOutOfRange));
    }

    [Fact]
    public void Lint_RulesAfterAnAlwaysTrueRoutingRule_AreUnreachable()
    {
        var warnings = Lint(routing: "routing:\n  - { when: 'true', team: a, calendar: office }\n  - { when: 'big', team: b, calendar: office }\n  - { default: true, team: sales, calendar: office }\n");

        Assert.Equal([DiagnosticCodes.UnreachableRoutingRule, DiagnosticCodes.UnreachableRoutingRule], warnings.Select(w => w.Code));
        Assert.Equal([18, 19], warnings.Select(w => w.Line));
        Assert.Equal("this routing rule is never reached: the rule on line 17 (`when: true`) matches every lead", warnings[0].Message);
    }

    [Fact]
    public void Lint_RoutingWithoutAnAlwaysTrueRule_IsFine() =>
        Assert.Empty(Lint(routing: "routing:\n  - { when: 'big', team: b, calendar: office }\n  - { when: 'not big', team: a, calendar: office }\n  - { default: true, team: sales, calendar: office }\n"));

    [Theory]
    [InlineData("[3 business days, 3 business days]", "5 business days", true)]    // 6 > 5, same unit
    [InlineData("[3 business days, 3 business days]", "6 business days", false)]
    [InlineData("[4 business hours, 2 business days]", "2 business days", true)]   // 4 h + 16 h > 16 h on an 8-hour day
    [InlineData("[4 business hours, 2 business days]", "3 business days", false)]  // 20 h <= 24 h
    public void Lint_CadenceLongerThanCompleteWithin(string steps, string completeWithin, bool warns)
    {
        var cadence = string.Join("\n", steps.Trim('[', ']').Split(", ").Select(s => $"      - {{ channels: [email], within: {s} }}"));
        var tiers = $"tiers:\n  gold:\n    cadence:\n{cadence}\n    complete_within: {completeWithin}\n";

        var warnings = Lint(tiers: tiers);

        Assert.Equal(warns, warnings.Any(w => w.Code == DiagnosticCodes.CadenceExceedsCompleteWithin));
        if (warns)
        {
            Assert.Equal(20, warnings.Single().Line); // the `cadence` key
        }
    }

    [Theory]
    [InlineData("1 business day", "48 hours", true)]      // 48 elapsed hours ≈ 11.4 open hours of a 40-hour week: more than one 8-hour business day
    [InlineData("1 business day", "24 hours", false)]     // 24 elapsed hours ≈ 5.7 open hours: within the day
    [InlineData("3 business days", "2 business days", false)] // like with like, before the deadline
    [InlineData("2 business days", "2 business days", false)] // at the deadline itself
    [InlineData("2 business days", "3 business days", true)]  // like with like, after the SLA is over
    public void Lint_EscalationLaterThanCompleteWithin(string within, string after, bool warns)
    {
        var tiers = $"tiers:\n  gold:\n    effort: {{ call: 1 }}\n    complete_within: {within}\n    escalations:\n      - {{ after: {after}, notify: [owner] }}\n";

        var warnings = Lint(tiers: tiers);

        Assert.Equal(warns, warnings.Any(w => w.Code == DiagnosticCodes.EscalationAfterDeadline));
        if (warns)
        {
            var warning = warnings.Single();
            Assert.Equal((23, 18), (warning.Line, warning.Column)); // the `after` value
        }
    }

    [Fact]
    public void Lint_TierNoBandOrTriggerSets_IsUnused()
    {
        var warnings = Lint(tiers: Tiers + "  silver:\n    first_touch: { channels: [call], within: 8 business hours }\n");

        var warning = Assert.Single(warnings);
        Assert.Equal(DiagnosticCodes.UnusedTier, warning.Code);
        Assert.Equal((21, 3), (warning.Line, warning.Column));
    }

    [Fact]
    public void Lint_TierSetByABand_IsUsed() =>
        Assert.Empty(Lint(
            tiers: Tiers + "  silver:\n    first_touch: { channels: [call], within: 8 business hours }\n",
            bands: "bands:\n  by: rank\n  ranges:\n    - { name: S, from: 0, to: 100, tier: silver }\n"));

    [Theory]
    [InlineData("{ mon: [09:00-12:00], tue: [09:00-14:00] }", true)]    // 8 hours a week
    [InlineData("{ mon-fri: [09:00-11:00] }", false)]                   // exactly 10
    public void Lint_CalendarWithFewOpenHours(string hours, bool warns)
    {
        var calendars = Calendars + $"  thin:\n    zone: UTC\n    hours: {hours}\n";

        var warnings = Lint(calendars: calendars);

        Assert.Equal(warns, warnings.Any(w => w.Code == DiagnosticCodes.FewOpenHours));
    }

    [Theory]
    [InlineData("{ name: May Saturday, rule: 1st sat of may }", true)]                             // Saturday is closed
    [InlineData("{ rule: 1st sat of may, observed: nearest_weekday }", false)]                     // observed on the open Friday
    [InlineData("{ rule: 1st sun of may, observed: next_monday }", false)]
    [InlineData("2026-11-21", true)]                                                                // one Saturday
    [InlineData("2026-11-20", false)]                                                               // one Friday
    [InlineData("{ date: 12-25 }", false)]                                                          // a fixed date moves through the week
    [InlineData("{ rule: 4th thu of nov }", false)]
    public void Lint_HolidayOnAClosedDay(string holiday, bool warns)
    {
        var calendars = $"calendars:\n  office:\n    zone: UTC\n    hours: {{ mon-fri: [09:00-17:00] }}\n    holidays:\n      - {holiday}\n";

        var warnings = Lint(calendars: calendars);

        Assert.Equal(warns, warnings.Any(w => w.Code == DiagnosticCodes.HolidayOnClosedDay));
        if (warns)
        {
            Assert.Equal((14, 9), (warnings.Single().Line, warnings.Single().Column));
        }
    }

    [Fact]
    public void Validate_PrintsLintWarningsWithoutChangingTheExitCode()
    {
        var yaml = Policy(tiers: Tiers + "  silver:\n    first_touch: { channels: [call], within: 8 business hours }\n");
        var folder = CliRunner.TempFolder(("p.yaml", yaml));
        var path = Path.Combine(folder, "p.yaml");

        var (code, stdout, _) = CliRunner.Run("validate", path);

        Assert.Equal(0, code);
        Assert.Equal($"{path}:21:3: warning SLA0606: tier `silver` is not set by any band or trigger, so only a lead that pins it (`assigned.tier`) can get it\n", stdout);
    }

    [Fact]
    public void Lint_SamplePolicyRankBands_IsClean()
    {
        // The 24/48/72-hour ladder comes after the 2-hour first touch by design, and well before the 8-day effort deadline.
        var policy = PolicyLoader.LoadFile(CliRunner.Sample("rank-bands.yaml"));

        Assert.Empty(policy.Lint());
    }

    private static string Policy(string calendars = Calendars, string exclusions = "", string scoring = "", string qualification = Qualification, string bands = "", string routing = Routing, string tiers = Tiers) =>
        "policy: lint\nversion: 1\nfields:\n  hot: bool\n  big: bool\n  student: bool\n  email: string\n  rank: number\n"
        + exclusions + calendars + scoring + qualification + bands + routing + tiers;

    private static Diagnostic[] Lint(string calendars = Calendars, string exclusions = "", string scoring = "", string qualification = Qualification, string bands = "", string routing = Routing, string tiers = Tiers)
    {
        var result = PolicyLoader.TryLoad(Policy(calendars, exclusions, scoring, qualification, bands, routing, tiers), "lint.yaml");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return [.. result.Policy.Lint()];
    }
}
