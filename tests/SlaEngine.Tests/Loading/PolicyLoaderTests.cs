using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Loading;

public sealed class PolicyLoaderTests
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "TestData", "conformance");

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in SamplePolicyFiles())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void LoadFile_Sample_LoadsWithoutDiagnostics(string name)
    {
        var result = PolicyLoader.TryLoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "policies", name));

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Samples_AllFourSlasOfTheSpec_ArePresent() =>
        Assert.Subset(SamplePolicyFiles().Select(f => Path.GetFileName(f)).ToHashSet(), new HashSet<string> { "escalation-ladder.yaml", "level-of-effort.yaml", "rank-bands.yaml", "scoring-routing.yaml" });

    /// <summary>The sample policies (the *.tests.yaml files beside them are policy tests, not policies).</summary>
    private static IEnumerable<string> SamplePolicyFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "policies"), "*.yaml")
            .Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void LoadFile_SpecSectionTwoPolicy_CompilesEverySection()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(TestData, "evaluation", "lattice-predictive.yaml"));

        Assert.Equal(("lattice-predictive", 3), (policy.Id, policy.Version));
        Assert.Equal(["us-sales", "night-desk"], policy.Calendars.Select(c => c.Name));
        Assert.True(policy.TryGetCalendar("night-desk", out var nightDesk));
        Assert.Equal("Europe/London", nightDesk.Zone.Id);
        Assert.Equal(["competitor", "bot form", "duplicate"], policy.Exclusions.Select(e => e.Name));
        Assert.Equal(5, policy.ScoringRules.Length);
        var whitepaper = policy.ScoringRules[2];
        Assert.Equal(("whitepaper_download", 5.0, (double?)15.0, "90 days"), (whitepaper.Event, whitepaper.Points, whitepaper.Max, whitepaper.Within.ToString()));
        Assert.Equal("30 days", policy.ScoringRules[3].HalfLife.ToString());
        Assert.Equal(["ready to buy", "provider pain"], policy.Triggers.Select(t => t.Name));
        Assert.Equal("platinum", policy.Triggers[0].Tier);
        Assert.Equal(50, policy.ScoreThreshold);
        Assert.Equal("rank", policy.Bands!.By);
        Assert.Equal(["A", "B", "C", "hold"], policy.Bands.Ranges.Select(b => b.Name));
        Assert.True(policy.Bands.Ranges[3].Nurture);
        Assert.Equal(["enterprise", "emea", "smb"], policy.Teams.ToArray());
        Assert.True(policy.Routing[2].IsDefault);
        Assert.Equal(["platinum", "gold", "silver"], policy.Tiers.Select(t => t.Name));
        Assert.True(policy.TryGetTier("platinum", out var platinum));
        Assert.Equal("teleprospecting", platinum.Responsible);
        Assert.Equal(["call"], platinum.FirstTouch!.Channels.ToArray());
        Assert.Equal("2 business hours", platinum.FirstTouch.Within.ToString());
        Assert.Equal("30 minutes", platinum.FirstTouch.WarnBefore!.Value.Duration.ToString());
        Assert.Equal([("call", 7), ("email", 3)], platinum.Effort.Select(e => (e.Channel, e.Count)));
        Assert.Equal("8 business days", platinum.CompleteWithin.ToString());
        Assert.Equal("7 days", platinum.DispositionWithin.ToString());
        Assert.Equal(["24 hours", "48 hours", "72 hours"], platinum.Escalations.Select(e => e.AfterText));
        Assert.Equal(["owner", "manager"], platinum.Escalations[1].Notify.ToArray());
        Assert.Equal([("first_touch_attainment", GoalBound.Min, (double?)95), ("mql_per_month", GoalBound.Min, null)], policy.Goals.Select(g => (g.Name, g.Bound, g.Percentage)));
        Assert.Equal(400, policy.Goals[1].Number);
        Assert.Empty(policy.Warnings);
    }

    [Fact]
    public void LoadFile_CadencePolicy_KeepsStepsInOrder()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(TestData, "evaluation", "standard-cadence.yaml"));

        var tier = Assert.Single(policy.Tiers);
        Assert.Equal([1, 2, 3, 4], tier.Cadence.Select(s => s.Number));
        Assert.Null(tier.Cadence[0].WhenText);
        Assert.Equal("employees > 100", tier.Cadence[3].WhenText);
        Assert.True(tier.RecycleOnExhausted);
        Assert.Equal("8 business hours", tier.Escalations[0].After.ToString());
    }

    [Fact]
    public void LoadFile_CalendarLibrary_LoadsWithQualifiesNoLeadWarning()
    {
        var path = Path.Combine(TestData, "calendar", "calendars.yaml");

        var result = PolicyLoader.TryLoadFile(path);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(25, result.Policy.Calendars.Length);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal($"{path}:1:1: warning SLA0033: the policy has no qualification triggers and no score threshold, so it qualifies no lead", warning.ToString());
        Assert.Equal(result.Diagnostics.ToArray(), result.Policy.Warnings.ToArray());
    }

    [Fact]
    public void TryLoad_ManyMistakes_AllReportedTogetherSortedByPosition()
    {
        const string yaml = """
            policy: Bad_Id
            version: -1
            calendars:
              cal:
                zone: Nowhere/City
                hours:
                  mon: [09:00-09:00]
            qualification:
              triggers:
                - { name: a, when: 'x', tier: missing }
            routing:
              - { when: 'x', team: t, calendar: nope }
            tiers:
              t:
                complete_within: 3 parsecs
            """;

        var result = PolicyLoader.TryLoad(yaml, "many.yaml");

        Assert.Equal(
            [
                "many.yaml:1:9: error SLA0030",
                "many.yaml:2:10: error SLA0031",
                "many.yaml:5:11: error SLA0201",
                "many.yaml:7:13: error SLA0203",
                "many.yaml:10:35: error SLA0510",
                "many.yaml:12:37: error SLA0210",
                "many.yaml:15:22: error SLA0301",
            ],
            result.Diagnostics.Select(d => d.ToString()[..d.ToString().IndexOf(':', d.ToString().IndexOf("SLA", StringComparison.Ordinal))]));
    }

    [Fact]
    public void Load_Invalid_ThrowsWithEveryDiagnostic()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load("policy: X\nversion: 0\ncalendars: {}\n", "x.yaml"));

        Assert.Equal(["SLA0030", "SLA0031", "SLA0033"], ex.Diagnostics.Select(d => d.Code));
        Assert.Contains("x.yaml:1:9: error SLA0030", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoadFile_MissingFile_ReportsInsteadOfThrowing()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "no-such-policy.yaml");

        var result = PolicyLoader.TryLoadFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal((DiagnosticCodes.FileReadError, path), (error.Code, error.File));
        Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadFile(path));
    }

    [Fact]
    public void Load_SameTextTwice_GivesEquivalentPolicies()
    {
        var text = File.ReadAllText(Path.Combine(TestData, "evaluation", "lattice-predictive.yaml"));

        var first = PolicyLoader.Load(text);
        var second = PolicyLoader.Load(text);

        Assert.NotSame(first, second);
        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void TryLoad_SameBrokenTextTwice_GivesTheSameDiagnostics()
    {
        const string yaml = "policy: P\nversion: x\nfoo: 1\ncalendars: { c: { zone: Bad/Zone } }\n";

        Assert.Equal(PolicyLoader.TryLoad(yaml).Diagnostics.ToArray(), PolicyLoader.TryLoad(yaml).Diagnostics.ToArray());
    }

    [Fact]
    public void TryLoad_BandGap_IsAWarningThatDoesNotStopLoading()
    {
        const string yaml = """
            policy: p
            version: 1
            calendars: { cal: { zone: UTC, hours: { mon-fri: [09:00-17:00] } } }
            qualification: { score_threshold: 10 }
            bands:
              by: score
              ranges:
                - { name: low, below: 40, nurture: true }
                - { name: high, from: 60, to: 100, tier: t }
            routing: [{ default: true, team: t, calendar: cal }]
            tiers: { t: { first_touch: { channels: [call], within: 1 hour } } }
            """;

        var result = PolicyLoader.TryLoad(yaml);

        Assert.True(result.Success);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("policy.yaml:7:3: warning SLA0501: band ranges leave 40-59 of 0-100 uncovered; leads there get no band and are nurtured", warning.ToString());
    }

    [Theory]
    [InlineData("fri-mon", new[] { IsoDayOfWeekNames.Fri, IsoDayOfWeekNames.Sat, IsoDayOfWeekNames.Sun, IsoDayOfWeekNames.Mon })] // ranges wrap
    [InlineData("\"mon,wed\"", new[] { IsoDayOfWeekNames.Mon, IsoDayOfWeekNames.Wed })]                                             // a list
    [InlineData("\"mon-tue, sat\"", new[] { IsoDayOfWeekNames.Mon, IsoDayOfWeekNames.Tue, IsoDayOfWeekNames.Sat })]                 // ranges in a list
    public void Load_WeekdayKeys_OpenTheNamedDays(string key, int[] days)
    {
        var policy = PolicyLoader.Load($"policy: p\nversion: 1\ncalendars:\n  c:\n    zone: UTC\n    hours:\n      {key}: [09:00-17:00]\n");

        var calendar = policy.Calendars[0];
        var open = Enumerable.Range(1, 7).Where(d => calendar.WeeklyHours((NodaTime.IsoDayOfWeek)d).Length > 0);
        Assert.Equal(days.Order(), open);
    }

    private static string Describe(SlaPolicy policy) => string.Join(
        "|",
        policy.Id,
        policy.Version,
        string.Join(",", policy.Calendars.Select(c => c.Name + "@" + c.Zone.Id)),
        string.Join(",", policy.Exclusions.Select(e => e.Name + ":" + e.WhenText)),
        string.Join(",", policy.ScoringRules.Select(r => $"{r.Name}:{r.WhenText}:{r.Event}:{r.Points}:{r.Max}:{r.Within}:{r.HalfLife}")),
        string.Join(",", policy.Triggers.Select(t => $"{t.Name}:{t.WhenText}:{t.Tier}")),
        policy.ScoreThreshold,
        string.Join(",", policy.Bands!.Ranges.Select(b => $"{b.Name}:{b.From}:{b.FromExclusive}:{b.To}:{b.ToExclusive}:{b.Tier}:{b.Nurture}")),
        string.Join(",", policy.Routing.Select(r => $"{r.WhenText}:{r.IsDefault}:{r.Team}:{r.CalendarName}")),
        string.Join(",", policy.Tiers.Select(t => $"{t.Name}:{t.FirstTouch?.Within}:{string.Join("+", t.Effort.Select(e => e.Channel + e.Count))}:{t.CompleteWithin}:{string.Join("+", t.Escalations.Select(e => e.AfterText))}")),
        string.Join(",", policy.Goals.Select(g => $"{g.Name}:{g.Bound}:{g.Number}:{g.Percentage}:{g.Duration}")));

    private static class IsoDayOfWeekNames
    {
        public const int Mon = 1;
        public const int Tue = 2;
        public const int Wed = 3;
        public const int Fri = 5;
        public const int Sat = 6;
        public const int Sun = 7;
    }
}
