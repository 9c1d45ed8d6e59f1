using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Fuzzing;

/// <summary>
/// What the fuzzers found, stated as plain unit tests next to the replayed inputs (FuzzRegressionTests), so a failure
/// names the rule that broke. Each test cites its input under tests/SlaEngine.Fuzz/findings.
/// </summary>
public sealed class FuzzFindingTests
{
    [Theory]
    [InlineData("1\0\0\0 day")] // findings/duration/trailing-nul-amount.txt: int.TryParse ignores trailing NULs
    [InlineData("1\0 business hours")]
    [InlineData("\0 1 day")]
    public void DurationAmount_IsDigitsOnly(string text)
    {
        Assert.False(SlaDuration.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SlaDuration.Parse(text));
    }

    [Theory]
    [InlineData("1 Day")] // findings/duration/unit-case.txt
    [InlineData("1 busiNess week")] // findings/duration/business-case.txt
    [InlineData("4 BUSINESS HOURS")]
    public void PolicyDurations_ReadLikeSlaDurationTryParse(string text)
    {
        Assert.True(SlaDuration.TryParse(text, out var expected));
        var yaml = $$"""
            policy: durations
            version: 1
            calendars:
              desk: { zone: America/New_York, hours: { mon-fri: [09:00-17:00] } }
            qualification:
              triggers:
                - { name: all, when: 'true', tier: std }
            routing:
              - { default: true, team: desk, calendar: desk }
            tiers:
              std: { first_touch: { channels: [call], within: {{text}} } }
            """;
        var result = PolicyLoader.TryLoad(yaml);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected, result.Policy.Tiers[0].FirstTouch!.Within);
    }

    [Fact]
    public void ElapsedDeadlinePastYear9999_IsTheDocumentedOutOfRange()
    {
        // findings/instant/elapsed-past-9999.txt: 24 elapsed hours after 9999-12-31T23:59:59.999999999Z overflowed
        // NodaTime's Instant (an OverflowException escaped even TryEvaluate) instead of the documented out-of-range error.
        var read = LeadSnapshot.Parse("""{"id":"late","mql_at":"9999-12-31T23:59:59.999999999Z","attributes":{"rank":91,"purchase_timeline":"now","employees":250,"pain_with_provider":true}}""");
        Assert.True(read.Success);
        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "policies");
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)))
        {
            var result = PolicyLoader.LoadFile(file).TryEvaluate(read.Value, Instant.FromUtc(2026, 11, 22, 12, 0));
            Assert.True(result.Success || result.Error!.Code == "SLA0707", $"{file}: {result.Error}");
        }
    }

    [Fact]
    public void NulCharacter_IsAnErrorAtItsPosition()
    {
        // findings/duration/nul-ends-the-yaml-text.txt: YamlDotNet read a NUL as the end of the text, so a rule
        // written after it was silently dropped and the policy loaded without it.
        var result = PolicyLoader.TryLoad("policy: nul\nversion: 1\0\nexclusions:\n  - { name: all, when: 'true' }\n", "nul.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal(("SLA0001", 2, 11), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void YamlErrorAtTheEndOfTheText_IsOnItsLastLine()
    {
        // findings/policy/yaml-error-past-the-last-line.yaml: an unclosed flow mapping at the end of a text without a
        // final line break was reported on the line after the last one.
        var result = PolicyLoader.TryLoad("policy: eof\nversion: 1\ngoals:\n  x: { m", "eof.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal(("SLA0001", 4, 9), (error.Code, error.Line, error.Column));
    }

    [Theory]
    [InlineData("--- ")] // findings/policy/empty-document-marker.yaml: the empty document was located at 2:2
    [InlineData("---")]
    [InlineData("policy:")]
    public void EmptyValueAtTheEnd_IsLocatedInsideTheText(string yaml)
    {
        var result = PolicyLoader.TryLoad(yaml, "end.yaml");
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line == 1 && d.Column >= 1 && d.Column <= yaml.Length + 1, d.ToString()));
    }

    [Theory]
    // findings/condition/unknown-field-in-block-scalar.txt: a block scalar's condition was located on the `|` line.
    [InlineData("    when: |-\n      title contains x and rank > 1\n", 7, 22)]
    [InlineData("    when: >\n      title contains x and\n      rank > 1\n", 7, 22)]
    // findings/policy/condition-in-multiline-quoted-scalar.yaml: a quoted condition folded over two lines was
    // located past the end of its first line.
    [InlineData("    when: 'rank > 1 and\n      title contains x'\n", 7, 22)]
    // an escaped quote shifts the columns after it
    [InlineData("    when: 'title == ''a'' or title contains x'\n", 6, 45)]
    [InlineData("    when: \"title == \\\"a\\\" or title contains x\"\n", 6, 45)]
    public void ConditionErrors_PointAtTheToken(string when, int line, int column)
    {
        var result = PolicyLoader.TryLoad("policy: positions\nversion: 1\nfields: { title: string, rank: number }\nexclusions:\n  - name: x\n" + when, "positions.yaml");
        var error = Assert.Single(result.Errors, e => e.Code == "SLA0414");
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("60000000 days")] // findings/duration/calendar-days-past-9999.txt: NodaTime's AOORE for `daysSinceEpoch`
    [InlineData("2222221 weeks")]
    public void CalendarDaysPastYear9999_AreTheDocumentedOutOfRange(string text)
    {
        var calendar = new BusinessCalendarBuilder("desk", NodaTime.DateTimeZoneProviders.Tzdb["America/New_York"])
            .WithHours(IsoDayOfWeek.Monday, OpenInterval.Parse("09:00-17:00"))
            .Build();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Add(Instant.FromUtc(2026, 11, 22, 12, 0), SlaDuration.Parse(text)));
        Assert.Equal("instant", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Subtract(Instant.FromUtc(2026, 11, 22, 12, 0), SlaDuration.Parse(text)));
        Assert.Equal("instant", e.ParamName);
    }

    [Fact]
    public void ElapsedTimeBeforeTheFirstInstant_IsTheDocumentedOutOfRange()
    {
        var calendar = new BusinessCalendarBuilder("desk", NodaTime.DateTimeZoneProviders.Tzdb["UTC"])
            .WithHours(IsoDayOfWeek.Monday, OpenInterval.Parse("09:00-17:00"))
            .Build();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Subtract(Instant.MinValue + Duration.FromHours(1), SlaDuration.Hours(2)));
        Assert.Equal("instant", e.ParamName);
    }

    [Theory]
    [InlineData("""{"id":"x","mqle_timeline\ud800":"2026-11-20T14:00:00Z"}""")] // findings/lead/lone-high-surrogate-in-a-key.json
    [InlineData("""{"\udc00id":"y","id":"x"}""")] // findings/lead/lone-low-surrogate-in-a-key.json, in short
    [InlineData("""{"id":"x","events":[{"type":"a","at":"2026-11-20T14:00:00Z","\ud800":1}]}""")]
    [InlineData("""{"id":"x","disposition":{"\udfff":1,"outcome":"convert","at":"2026-11-20T14:00:00Z"}}""")]
    public void LoneSurrogateInAKey_IsNoKnownKey(string line)
    {
        // Comparing an escaped key with a known name threw InvalidOperationException out of LeadSnapshot.Parse when the
        // escape was a lone surrogate; such a key is simply not a known one.
        var read = LeadSnapshot.Parse(line);
        Assert.True(read.Success, read.Error?.ToString());
        Assert.Equal("x", read.Value.Id);
    }
}
