using SlaEngine.Authoring;

namespace SlaEngine.Tests.Authoring;

public sealed class PolicyTestsTests
{
    private const string Policy = """
        policy: office
        version: 1
        calendars:
          office:
            zone: America/New_York
            hours: { mon-fri: [09:00-12:00, 13:00-17:00] }
        fields:
          rank: number
          hot: bool
        qualification:
          triggers:
            - { name: hot lead, when: 'hot', tier: gold }
        routing:
          - { default: true, team: sales, calendar: office }
        tiers:
          gold:
            first_touch: { channels: [call], within: 2 business hours, warn_before: 30 minutes }
            escalations:
              - { after: 24 hours, notify: [owner] }
        """;

    // Fri 20 Nov 2026 10:30 EST + 2 business hours = 13:30 EST = 18:30Z.
    private const string PassingTest = """
        policy: office.yaml
        tests:
          - name: hot lead is gold
            at: 2026-11-20T16:00:00Z
            lead: { id: t1, mql_at: 2026-11-20T15:30:00Z, attributes: { hot: true } }
            expect:
              status: mql
              reason^: "trigger:"
              tier: gold
              score: 0.004
              sla_start: 2026-11-20T10:30:00-05:00
              milestones: { first_touch: { due: 2026-11-20T18:30:00Z, status: pending }, effort: absent }
              escalations: [ { after: 24 hours, notify: [owner], fired: false } ]
        """;

    private const string FailingTest = """
        policy: office.yaml
        tests:
          - name: passes
            at: 2026-11-20T16:00:00Z
            lead: { attributes: { hot: true } }
            expect: { status: mql }
          - name: wrong tier and due
            at: 2026-11-20T16:00:00Z
            lead: { id: t2, mql_at: 2026-11-20T15:30:00Z, attributes: { hot: true } }
            expect:
              tier: silver
              milestones: { first_touch: { due: 2026-11-20T19:30:00Z } }
        """;

    [Fact]
    public void Run_PassingTest_ReportsPassed()
    {
        var run = PolicyTests.Run(PassingTest, "office.tests.yaml", Options());

        Assert.True(run.Runnable, string.Join("\n", run.Diagnostics));
        Assert.True(run.Success);
        var test = Assert.Single(run.Tests);
        Assert.True(test.Passed, string.Join("\n", test.Mismatches));
        Assert.Equal("hot lead is gold", test.Name);
        Assert.Equal(3, test.Line);
        Assert.NotNull(test.Evaluation);
    }

    [Fact]
    public void Run_FailingTest_ReportsEachMismatchWithItsLine()
    {
        var run = PolicyTests.Run(FailingTest, "office.tests.yaml", Options());

        Assert.Equal(1, run.Passed);
        Assert.Equal(1, run.Failed);
        var failed = run.Tests[1];
        Assert.Equal<PolicyTestMismatch>(
            [
                new PolicyTestMismatch("tier", "silver", "gold", 11, 13),
                new PolicyTestMismatch("milestones.first_touch.due", "2026-11-20T19:30:00Z", "2026-11-20T18:30:00Z", 12, 41),
            ],
            failed.Mismatches.ToArray());
    }

    [Theory]
    [InlineData("reason^: trig", true)]            // prefix
    [InlineData("reason^: score", false)]          // wrong prefix
    [InlineData("reason: trigger", false)]         // exact match needs the whole text
    [InlineData("score: 0.005", true)]             // within 0.005
    [InlineData("score: 0.006", false)]            // outside
    [InlineData("band: null", true)]               // no bands: null
    [InlineData("next_touch: null", false)]        // there is a next touch
    [InlineData("next_touch: { channel: call }", true)]
    [InlineData("escalations: []", false)]         // the list must have as many rungs as the output
    [InlineData("milestones: { disposition: absent }", true)]
    [InlineData("milestones: { first_touch: absent }", false)]
    [InlineData("milestones: { effort: { status: pending } }", false)] // no such milestone
    [InlineData("sla_start: 2026-11-20T16:30:00+01:00", true)]      // instants compare as instants
    public void Run_MatchingRules(string expectation, bool passes)
    {
        var yaml = $$"""
            policy: office.yaml
            tests:
              - name: t
                at: 2026-11-20T16:00:00Z
                lead: { mql_at: 2026-11-20T15:30:00Z, attributes: { hot: true } }
                expect: { {{expectation}} }
            """;

        var run = PolicyTests.Run(yaml, "office.tests.yaml", Options());

        Assert.True(run.Runnable, string.Join("\n", run.Diagnostics));
        Assert.Equal(passes, run.Tests[0].Passed);
    }

    [Fact]
    public void Run_ErrorsInTestsFile_AreLocatedWithCodes()
    {
        const string yaml = """
            policy: office.yaml
            tests:
              - name: typo
                at: 2026-11-20T16:00:00Z
                lead: { atributes: { hot: true }, disposition: { outcome: won, at: 2026-11-20T16:00:00Z } }
                expect: { tier: gold, statuss: mql }
              - name: bad instant
                at: yesterday
                lead: { assigned: { tier: platinum } }
                expect: { milestones: [ first_touch ] }
            """;

        var run = PolicyTests.Run(yaml, "t.tests.yaml", Options());

        Assert.True(run.Runnable);
        Assert.Equal(2, run.Failed);
        Assert.Equal(
            [
                "t.tests.yaml:5:13: error SLA0902: unknown key `atributes` in a lead; did you mean `attributes`?",
                "t.tests.yaml:5:63: error SLA0907: 'disposition.outcome' is 'won'; expected convert, defer or recycle",
                "t.tests.yaml:6:27: error SLA0902: unknown key `statuss` in `expect`; did you mean `status`?",
                "t.tests.yaml:8:9: error SLA0906: `at` is `yesterday`; expected an ISO-8601 instant with Z or an offset, like 2026-11-20T15:30:00Z",
                "t.tests.yaml:9:31: error SLA0907: 'assigned.tier' is 'platinum', which the policy does not define; it defines: gold",
                "t.tests.yaml:10:27: error SLA0904: `expect.milestones` (a mapping by milestone name) must be a mapping, not a list",
            ],
            run.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Run_PolicyThatDoesNotLoad_IsNotRunnable()
    {
        var options = new PolicyTestOptions { PolicyResolver = _ => PolicyLoader.TryLoad("policy: x\nversion: 0\n", "broken.yaml") };

        var run = PolicyTests.Run(PassingTest, "office.tests.yaml", options);

        Assert.False(run.Runnable);
        Assert.Empty(run.Tests);
        Assert.Contains(run.Diagnostics, d => d.Code == "SLA0905" && d.Line == 1 && d.Column == 9);
        Assert.Contains(run.Diagnostics, d => d.File == "broken.yaml");
    }

    [Fact]
    public void Run_Stream_ResolvesThePolicyAgainstTheBaseDirectory()
    {
        var folder = CliRunner.TempFolder(("office.yaml", Policy));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(PassingTest));

        var run = PolicyTests.Run(stream, "from-a-host", new PolicyTestOptions { BaseDirectory = folder });

        Assert.True(run.Success, string.Join("\n", run.Diagnostics));
        Assert.Equal(Path.Combine(folder, "office.yaml"), run.PolicyPath);
    }

    [Fact]
    public void Cli_AllPass_ExitsZeroWithClosingLine()
    {
        var folder = CliRunner.TempFolder(("office.yaml", Policy), ("office.tests.yaml", PassingTest));

        var (code, stdout, _) = CliRunner.Run("test", Path.Combine(folder, "office.tests.yaml"));

        Assert.Equal(0, code);
        Assert.Equal("1 passed, 0 failed\n", stdout);
    }

    [Fact]
    public void Cli_AnyFailure_ExitsOneAndPrintsExpectedVersusActual()
    {
        var folder = CliRunner.TempFolder(("office.yaml", Policy), ("office.tests.yaml", FailingTest));
        var path = Path.Combine(folder, "office.tests.yaml");

        var (code, stdout, _) = CliRunner.Run("test", path);

        Assert.Equal(1, code);
        Assert.Equal(
            $"""
            FAIL {path}:7: wrong tier and due
              line  field                       expected              actual
              11    tier                        silver                gold
              12    milestones.first_touch.due  2026-11-20T19:30:00Z  2026-11-20T18:30:00Z

            1 passed, 1 failed

            """,
            stdout);
    }

    [Fact]
    public void Cli_InvalidTest_PrintsLocatedErrorsAndFails()
    {
        const string yaml = """
            policy: office.yaml
            tests:
              - name: typo
                at: 2026-11-20T16:00:00Z
                lead: { attributes: { hot: true } }
                expect: { tierr: gold }
            """;
        var folder = CliRunner.TempFolder(("office.yaml", Policy), ("office.tests.yaml", yaml));
        var path = Path.Combine(folder, "office.tests.yaml");

        var (code, stdout, _) = CliRunner.Run("test", path);

        Assert.Equal(1, code);
        Assert.StartsWith($"{path}:6:15: error SLA0902: unknown key `tierr` in `expect`; did you mean `tier`?\nFAIL {path}:3: typo\n", stdout, StringComparison.Ordinal);
        Assert.EndsWith("0 passed, 1 failed\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_UnreadableFile_ExitsTwo()
    {
        var path = Path.Combine(CliRunner.TempFolder(), "missing.tests.yaml");

        var (code, stdout, _) = CliRunner.Run("test", path);

        Assert.Equal(2, code);
        Assert.Contains("error SLA0901: cannot read the tests file", stdout, StringComparison.Ordinal);
        Assert.EndsWith("0 passed, 0 failed\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_YamlSyntaxError_ExitsTwo()
    {
        var folder = CliRunner.TempFolder(("office.yaml", Policy), ("bad.tests.yaml", "policy: office.yaml\ntests: [ { name: x\n"));

        var (code, stdout, _) = CliRunner.Run("test", Path.Combine(folder, "bad.tests.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("error SLA0001", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_PolicyThatDoesNotLoad_ExitsTwoAndShowsItsErrors()
    {
        var folder = CliRunner.TempFolder(("office.yaml", "policy: Office\nversion: 1\n"), ("office.tests.yaml", PassingTest));

        var (code, stdout, _) = CliRunner.Run("test", Path.Combine(folder, "office.tests.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("error SLA0905: the policy", stdout, StringComparison.Ordinal);
        Assert.Contains("office.yaml:1:9: error SLA0030", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_NoArguments_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("test");

        Assert.Equal(2, code);
        Assert.Contains("name at least one tests file", stderr, StringComparison.Ordinal);
    }

    private static PolicyTestOptions Options() => new() { PolicyResolver = _ => PolicyLoader.TryLoad(Policy, "office.yaml") };
}
