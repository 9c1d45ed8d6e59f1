using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Diagnostics;
using SlaEngine.Evaluation;
using SlaEngine.Tests.Conditions;

namespace SlaEngine.Tests.Robustness;

/// <summary>
/// <c>matches</c> runs on the non-backtracking engine: linear time, no timeout, so the answer never depends on the
/// machine's load; constructs that engine lacks are load-time errors (SLA0419) located at the pattern literal.
/// </summary>
public sealed class NonBacktrackingRegexTests
{
    private const string EvilPattern = "^(a+)+$";

    [Fact]
    public void Evaluate_EvilPatternOnEvilInput_GivesTheTrueAnswerWithoutAnyDiagnostic()
    {
        var context = ConditionTestContext.Create();
        var condition = ConditionCompiler.Compile($"title matches \"{EvilPattern}\"", context);
        Assert.NotNull(condition);
        Assert.Empty(context.Diagnostics);

        // 100,000 characters that almost match: exponential for a backtracking engine, linear here. No timeout
        // exists any more, so "no match" is the true answer, not a give-up.
        Assert.False(condition.Evaluate(new FakeConditionScope().With("title", LeadValue.FromString(new string('a', 100_000) + "!"))));
        Assert.True(condition.Evaluate(new FakeConditionScope().With("title", LeadValue.FromString(new string('a', 100_000)))));
    }

    [Fact]
    public void Evaluate_EvilPatternInAPolicy_LoadsCleanAndMatchesTruly()
    {
        var result = PolicyLoader.TryLoad(Policy, "evil.yaml");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var at = Instant.FromUtc(2026, 11, 22, 12, 0);

        var almost = result.Policy.Explain(Lead(new string('a', 40) + "!"), at);
        Assert.Equal("when title matches \"^(a+)+$\": 0", Assert.Single(almost.Trace, e => e.Rule == "evil").Detail);
        Assert.Equal(1, almost.Score);

        var all = result.Policy.Explain(Lead(new string('a', 40)), at);
        Assert.Equal("when title matches \"^(a+)+$\": +10", Assert.Single(all.Trace, e => e.Rule == "evil").Detail);
        Assert.Equal(11, all.Score);
    }

    [Theory]
    [InlineData(@"(a)\\1", "backreference")]
    [InlineData(@"(?<x>a)\\k<x>", "named backreference")]
    [InlineData("foo(?=bar)", "lookahead")]
    [InlineData("foo(?!bar)", "negative lookahead")]
    [InlineData("(?<=foo)bar", "lookbehind")]
    [InlineData("(?<!foo)bar", "negative lookbehind")]
    [InlineData("(?>a+)b", "atomic group")]
    [InlineData("(?(a)a|b)", "conditional")]
    [InlineData("(?<o>a)(?<-o>b)", "balancing group")]
    [InlineData(".{1,50000}x", "more than 10,000 states")]
    [InlineData("(a{1000}){1000}", "nested counted repetition")]
    public void Load_ConstructTheEngineLacks_IsAnErrorAtThePattern(string pattern, string construct)
    {
        // The pattern sits in a single-quoted YAML scalar, after `title matches "`: column 30 of line 9 is its first
        // character's quote, which is where the diagnostic points.
        var yaml = Policy.Replace("^(a+)+$", pattern, StringComparison.Ordinal);

        var result = PolicyLoader.TryLoad(yaml, "bad.yaml");

        Assert.False(result.Success, construct);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.ConditionRegexUnsupported, error.Code);
        Assert.Equal("SLA0419", error.Code);
        Assert.Equal(("bad.yaml", 9, 42), (error.File, error.Line, error.Column));
        Assert.Contains("linear time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnsupportedConstructInMatchesAny_PointsAtThatListItem()
    {
        var context = ConditionTestContext.Create();
        var condition = ConditionCompiler.Compile("title matches any [\"(?i)vp\", \"(a)\\\\1\"]", context);

        Assert.Null(condition);
        var error = Assert.Single(context.Diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionRegexUnsupported, error.Code);
        Assert.Equal(ConditionTestContext.Column + "title matches any [\"(?i)vp\", ".Length, error.Column);
    }

    [Fact]
    public void Load_InvalidPattern_IsStillSla0412()
    {
        var context = ConditionTestContext.Create();
        Assert.Null(ConditionCompiler.Compile("title matches \"(unclosed\"", context));
        Assert.Equal(DiagnosticCodes.ConditionInvalidRegex, Assert.Single(context.Diagnostics).Code);
    }

    [Theory]
    [InlineData(@"(?i)\b(vp|director|chief|head)\b")]
    [InlineData("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$")]
    [InlineData("(?i)^(mr|mrs|ms|dr)\\.? ")]
    [InlineData("^(a|ab)*c$")]
    [InlineData("(?i)(gmail|yahoo|hotmail)\\.com$")]
    [InlineData("^\\d{3}-\\d{4}$")]
    [InlineData("(?i)head of .+")]
    [InlineData("^$")]
    public void Match_AgreesWithTheBacktrackingEngine_OnOrdinaryPatterns(string pattern)
    {
        // Switching engines changes no answer for the patterns policies use: same verdict on a spread of inputs.
        var backtracking = new Regex(pattern, RegexOptions.CultureInvariant);
        var linear = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        string[] inputs =
        [
            string.Empty, "VP of Sales", "Director, EMEA", "chief of staff", "vpn admin", "Head of Growth", "head",
            "jane.doe@example.com", "not an email", "JOHN@GMAIL.COM", "x@yahoo.com.au", "Dr. Who", "Dr Who", "drama",
            "ababc", "abac", "c", "555-1234", "5551234", "İstanbul", "ǅungla", "ß", "a\nb", "\u00e9t\u00e9",
        ];
        foreach (var input in inputs)
        {
            Assert.True(backtracking.IsMatch(input) == linear.IsMatch(input), $"{pattern} on \"{input}\"");
        }
    }

    private static LeadSnapshot Lead(string title) => new("L-1")
    {
        MqlAt = Instant.FromUtc(2026, 11, 20, 15, 30),
        Attributes = ImmutableDictionary<string, LeadValue>.Empty.Add("title", LeadValue.FromString(title)),
    };

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
