using System.Collections.Immutable;
using System.Diagnostics;
using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;
using SlaEngine.Tests.Conditions;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Robustness;

/// <summary>
/// A hostile pattern on hostile input costs at most the match timeout per comparison, counts as no match, and the
/// explanation trace says that it timed out.
/// </summary>
public sealed class RegexCostTests
{
    private const string EvilPattern = "^(a+)+$";

    private static readonly string EvilInput = new string('a', 40) + "!";

    [Fact]
    public void Evaluate_EvilPatternOnEvilInput_IsBoundedByTheTimeout()
    {
        var context = ConditionTestContext.Create(regexTimeout: TimeSpan.FromMilliseconds(2));
        var condition = ConditionCompiler.Compile($"title matches \"{EvilPattern}\"", context);
        Assert.NotNull(condition);
        Assert.Equal(DiagnosticCodes.ConditionRegexBacktracking, Assert.Single(context.Diagnostics).Code);
        var scope = new FakeConditionScope().With("title", LeadValue.FromString(EvilInput));

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            Assert.False(condition.Evaluate(scope));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"100 evaluations took {watch.Elapsed}");
        Assert.Equal(100, scope.RegexTimeouts);

        // The same pattern on ordinary input matches, without a timeout.
        var ordinary = new FakeConditionScope().With("title", LeadValue.FromString("aaaa"));
        Assert.True(condition.Evaluate(ordinary));
        Assert.Equal(0, ordinary.RegexTimeouts);
    }

    [Fact]
    public void Evaluate_RegexTimeout_TraceSaysSoAndTheRuleDoesNotMatch()
    {
        var result = PolicyLoader.TryLoad(Policy, "evil.yaml");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("evil.yaml:9:42: warning SLA0418", warning.ToString()[..31]);
        var lead = new LeadSnapshot("L-1")
        {
            MqlAt = Instant.FromUtc(2026, 11, 20, 15, 30),
            Attributes = ImmutableDictionary<string, LeadValue>.Empty.Add("title", LeadValue.FromString(EvilInput)),
        };

        var evaluation = result.Policy!.Evaluate(lead, Instant.FromUtc(2026, 11, 22, 12, 0));

        var timedOut = Assert.Single(evaluation.Trace, e => e.Rule == "evil");
        Assert.False(timedOut.Result);
        Assert.Equal("when title matches \"^(a+)+$\": 0 (a regex match timed out: counted as no match)", timedOut.Detail);
        Assert.Equal("when title matches \"(?i)vp\": 0", Assert.Single(evaluation.Trace, e => e.Rule == "plain").Detail);
        Assert.Equal(1, evaluation.Score);
    }

    private const string Policy = """
        policy: evil
        version: 1
        calendars:
          office:
            zone: UTC
            hours: { mon-fri: [09:00-17:00] }
        scoring:
          rules:
            - { name: evil, when: 'title matches "^(a+)+$"', points: 10 }
            - { name: plain, when: 'title matches "(?i)vp"', points: 5 }
            - { name: any, when: 'title != null', points: 1 }
        qualification:
          score_threshold: 50
        bands:
          by: score
          ranges:
            - { name: all, from: -100, to: 100, tier: standard }
        routing:
          - { default: true, team: sales, calendar: office }
        tiers:
          standard:
            first_touch: { channels: [call], within: 4 business hours }
        """;
}
