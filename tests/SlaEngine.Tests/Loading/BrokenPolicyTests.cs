using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Loading;

/// <summary>
/// A table of broken policies: each row is a policy with one mistake, and the code, line and column the loader must
/// report for it. Positions are 1-based; a value's position is its first character (a flow mapping's is its brace).
/// </summary>
public sealed class BrokenPolicyTests
{
    // Lines 1-2.
    private const string Head = "policy: p\nversion: 1\n";

    // Lines 3-7: one calendar `cal`.
    private const string Cal = "calendars:\n  cal:\n    zone: UTC\n    hours:\n      mon-fri: [09:00-17:00]\n";

    // Lines 8-9.
    private const string Qual = "qualification:\n  score_threshold: 10\n";

    // Lines 10-11.
    private const string Route = "routing:\n  - { default: true, team: t, calendar: cal }\n";

    // Lines 1-11: a valid policy; sections appended to it start on line 12.
    private const string Base = Head + Cal + Qual + Route;

    // Lines 1-5: a calendar whose body continues on line 6 (hours) or after.
    private const string CalHead = Head + "calendars:\n  cal:\n    zone: UTC\n";

    public static TheoryData<string, string, int, int> Cases() => new()
    {
        // --- YAML and document ---
        { string.Empty, "SLA0002", 1, 1 },                                                        // empty file
        { "# only a comment\n", "SLA0002", 1, 1 },                                                // no document
        { "policy: p\nversion: [1\n", "SLA0001", 3, 1 },                                          // unclosed flow list
        { Head + "policy: q\n" + Cal, "SLA0008", 3, 1 },                                          // duplicate key
        { Head + Cal + "---\npolicy: q\n", "SLA0003", 8, 1 },                                     // two documents
        { "policy: p\nversion: !!int 1\n" + Cal, "SLA0007", 2, 10 },                              // standard tag
        { Head + "? [a, b]\n: 1\n" + Cal, "SLA0009", 3, 3 },                                      // complex key

        // --- top level ---
        { "version: 1\n" + Cal, "SLA0021", 1, 1 },                                                // no `policy`
        { "policy: p\n" + Cal, "SLA0021", 1, 1 },                                                 // no `version`
        { "policy: Lattice_X\nversion: 1\n" + Cal, "SLA0030", 1, 9 },                             // id not [a-z0-9-]+
        { "policy: p\nversion: 0\n" + Cal, "SLA0031", 2, 10 },                                    // version not positive
        { "policy: p\nversion: two\n" + Cal, "SLA0031", 2, 10 },                                  // version not a number
        { Head, "SLA0032", 1, 1 },                                                                // defines nothing
        { Head + "descripton: x\n" + Cal, "SLA0020", 3, 1 },                                      // misspelt key
        { Head + "calendars: [cal]\n", "SLA0022", 3, 12 },                                        // list instead of mapping
        { Head + Cal + Qual, "SLA0516", 8, 1 },                                                   // qualifies but no routing

        // --- calendars ---
        { CalHead.Replace("UTC", "Mars/Olympus", StringComparison.Ordinal) + "    hours: { mon: [09:00-17:00] }\n", "SLA0201", 5, 11 }, // unknown zone
        { CalHead + "    hours:\n      mnd: [09:00-17:00]\n", "SLA0208", 7, 7 },                 // unknown weekday
        { CalHead + "    hours:\n      mon-fri: [09:00-17:00]\n      wed: [10:00-11:00]\n", "SLA0209", 8, 7 }, // day given twice
        { CalHead + "    hours:\n      mon: [09:00-09:00]\n", "SLA0203", 7, 13 },                // start == end
        { CalHead + "    hours:\n      mon: [09:00-12:00, 11:00-13:00]\n", "SLA0204", 7, 26 },   // overlap on a day
        { CalHead + "    hours:\n      mon: [9am-5pm]\n", "SLA0202", 7, 13 },                    // not HH:MM-HH:MM
        { CalHead + "    hours:\n      sat: []\n", "SLA0205", 6, 5 },                             // no open time in a week
        { Head + "calendars:\n  cal:\n    hours:\n      mon: [09:00-17:00]\n", "SLA0021", 5, 5 }, // no zone
        { Cal.Insert(0, Head) + "    holidays:\n      - { rule: 6th mon of feb }\n", "SLA0206", 9, 17 },      // impossible rule
        { Cal.Insert(0, Head) + "    holidays:\n      - { rule: 4th thu of novembre }\n", "SLA0206", 9, 17 }, // unknown month
        { Cal.Insert(0, Head) + "    holidays:\n      - 02-30\n", "SLA0206", 9, 9 },                         // date that cannot exist
        { Cal.Insert(0, Head) + "    holidays:\n      - { date: 01-01, observed: closest }\n", "SLA0206", 9, 34 }, // unknown observance
        { Cal.Insert(0, Head) + "    holidays:\n      - { name: x }\n", "SLA0035", 9, 9 },                   // neither date nor rule
        { Cal.Insert(0, Head) + "    overrides:\n      2026-13-01: closed\n", "SLA0207", 9, 7 },             // override date invalid
        { Cal.Insert(0, Head) + "    overrides:\n      2026-12-24: open\n", "SLA0022", 9, 19 },              // override value invalid

        // --- fields, exclusions, scoring, qualification ---
        { Base + "fields:\n  rank: integer\n", "SLA0041", 13, 9 },                                // unknown field type
        { Base + "fields:\n  score: number\n", "SLA0040", 13, 3 },                                // reserved field name
        { Base + "exclusions:\n  - { when: 'x != null' }\n", "SLA0021", 13, 5 },                  // exclusion without name
        { Base + "scoring:\n  rules:\n    - { name: a, when: 'x', event: e, points: 1 }\n", "SLA0034", 14, 29 },  // when and event
        { Base + "scoring:\n  rules:\n    - { name: a, points: 1 }\n", "SLA0035", 14, 7 },                        // neither
        { Base + "scoring:\n  rules:\n    - { name: a, when: 'x', points: 1, max: 5 }\n", "SLA0036", 14, 40 },    // max on a when rule
        { Base + "scoring:\n  rules:\n    - { name: a, event: e, points: lots }\n", "SLA0023", 14, 36 },          // points not a number
        { Base + "scoring:\n  rules:\n    - { name: a, event: e, points: 1, within: 9 business days }\n", "SLA0303", 14, 47 }, // business window
        { Base + "scoring:\n  rules:\n    - { name: a, event: e, points: 1, max: 0 }\n", "SLA0043", 14, 44 },     // non-positive max
        { Head + Cal + "qualification:\n  triggers:\n    - { name: a, when: 'x', tier: gold }\n" + Route, "SLA0510", 10, 35 }, // undefined tier
        { Base + "exclusions:\n  - { name: a, when: 'x' }\n  - { name: a, when: 'y' }\n", "SLA0037", 14, 13 },  // duplicate names

        // --- conditions: positions are those of the expression inside the quotes ---
        { Base + "fields:\n  employees: number\nexclusions:\n  - { name: a, when: 'employee > 3' }\n", "SLA0414", 15, 23 },             // undeclared field
        { Base + "fields:\n  employees: number\nexclusions:\n  - { name: a, when: \"employees contains 'x'\" }\n", "SLA0415", 15, 33 }, // type mismatch
        { Base + "scoring:\n  rules:\n    - { name: s, when: 'score > 3', points: 1 }\n", "SLA0417", 14, 25 },                           // score inside scoring

        // --- bands ---
        { Base + "bands:\n  by: score\n  ranges:\n    - { name: a, from: 0, to: 50, nurture: true }\n    - { name: b, from: 50, to: 100, nurture: true }\n", "SLA0500", 16, 7 }, // shared 50
        { Base + "bands:\n  by: score\n  ranges:\n    - { name: a, from: 0, to: 100 }\n", "SLA0502", 15, 7 },                   // no outcome
        { Base + "bands:\n  by: score\n  ranges:\n    - { name: a, from: 60, to: 50, nurture: true }\n", "SLA0503", 15, 7 },    // empty range
        { Base + "bands:\n  by: score\n  ranges:\n    - { name: a, nurture: true }\n", "SLA0503", 15, 7 },                      // no bound
        { Base + "fields:\n  rank: string\nbands:\n  by: rank\n  ranges:\n    - { name: a, from: 0, nurture: true }\n", "SLA0504", 15, 7 }, // by a string field
        { Base + "bands:\n  by: score\n  ranges:\n    - { name: a, from: 0, nurture: maybe }\n", "SLA0025", 15, 36 },          // nurture not a bool

        // --- routing ---
        { Base.Replace("default: true", "when: 'x > 1'", StringComparison.Ordinal), "SLA0513", 10, 1 },                 // no default
        { Base.Replace("calendar: cal }", "calendar: call }", StringComparison.Ordinal), "SLA0210", 11, 41 },            // undefined calendar
        { Base + "  - { when: 'x > 1', team: u, calendar: cal }\n", "SLA0514", 12, 5 },                                  // rule after default
        { Base.Replace("default: true, ", string.Empty, StringComparison.Ordinal), "SLA0035", 11, 5 },                  // neither when nor default

        // --- tiers ---
        { Base + "tiers:\n  t1:\n    effort: { call: 0 }\n    complete_within: 2 days\n", "SLA0520", 14, 21 },          // zero touches
        { Base + "tiers:\n  t1:\n    effort: {}\n    complete_within: 2 days\n", "SLA0520", 14, 13 },                   // empty effort
        { Base + "tiers:\n  t1:\n    effort: { call: 3 }\n", "SLA0521", 14, 5 },                                         // no complete_within
        { Base + "tiers:\n  t1:\n    complete_within: 8 fortnights\n", "SLA0301", 14, 22 },                              // unknown unit
        { Base + "tiers:\n  t1:\n    complete_within: two days\n", "SLA0302", 14, 22 },                                  // amount not a number
        { Base + "tiers:\n  t1:\n    complete_within: 8\n", "SLA0300", 14, 22 },                                         // no unit
        { Base + "tiers:\n  t1:\n    first_touch: { channels: [], within: 2 hours }\n", "SLA0522", 14, 30 },            // no channels
        { Base + "tiers:\n  t1:\n    first_touch: { channels: [call], within: 2 hours, warn_before: 150% }\n", "SLA0304", 14, 68 }, // > 100%
        { Base + "tiers:\n  t1:\n    first_touch: { channels: [call], within: 2 hours, warn_before: 1 business days }\n", "SLA0303", 14, 68 }, // business days warn
        { Base + "tiers:\n  t1:\n    cadence: []\n", "SLA0525", 14, 14 },                                                // empty cadence
        { Base + "tiers:\n  t1:\n    cadence:\n      - { channels: [email], within: 1 day }\n    on_exhausted: recycl\n", "SLA0523", 16, 19 }, // misspelt value
        { Base + "tiers:\n  t1:\n    on_exhausted: recycle\n", "SLA0524", 14, 19 },                                     // nothing to exhaust
        { Base + "tiers:\n  t1:\n    escalations:\n      - { after: 24 hours, notify: [] }\n", "SLA0522", 15, 36 },       // nobody to notify
        { Base + "tiers:\n  t1:\n    respnsible: me\n", "SLA0020", 14, 5 },                                             // misspelt tier key

        // --- goals ---
        { Base + "goals:\n  first_touch_atainment: { min: 95% }\n", "SLA0530", 13, 3 },                                 // misspelt goal
        { Base + "goals:\n  mql_per_month: { max: 400 }\n", "SLA0531", 13, 20 },                                       // wrong bound
        { Base + "goals:\n  first_touch_attainment: { min: 95 }\n", "SLA0027", 13, 34 },                                // not a percentage
        { Base + "goals:\n  median_speed_to_lead: { max: 4 }\n", "SLA0532", 13, 32 },                                   // not a duration
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryLoad_BrokenPolicy_ReportsCodeAtPosition(string yaml, string code, int line, int column)
    {
        var result = PolicyLoader.TryLoad(yaml, "broken.yaml");

        Assert.False(result.Success);
        Assert.True(
            result.Diagnostics.Any(d => d.IsError && d.Code == code && d.Line == line && d.Column == column),
            $"expected error {code} at {line}:{column}; got:\n" + string.Join("\n", result.Diagnostics));
        Assert.All(result.Diagnostics, d => Assert.Equal("broken.yaml", d.File));
    }

    [Fact]
    public void TryLoad_BrokenPolicy_TableHasAtLeastFortyRows() => Assert.True(Cases().Count >= 40);

    [Fact]
    public void TryLoad_MisspeltKey_SuggestsTheKnownKey()
    {
        var result = PolicyLoader.TryLoad(Head + "descripton: x\n" + Cal, "p.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("p.yaml:3:1: error SLA0020: unknown key `descripton` in the policy; did you mean `description`?", error.ToString());
    }

    [Fact]
    public void TryLoad_MisspeltTierReference_SuggestsTheTier()
    {
        var yaml = Head + Cal + "qualification:\n  triggers:\n    - { name: a, when: 'x', tier: glod }\n" + Route + "tiers:\n  gold:\n    responsible: me\n";

        var error = Assert.Single(PolicyLoader.TryLoad(yaml).Errors);

        Assert.Equal(DiagnosticCodes.UndefinedTier, error.Code);
        Assert.EndsWith("did you mean `gold`?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_MisspeltCalendarAndWeekday_SuggestBoth()
    {
        var yaml = Head + "calendars:\n  cal:\n    zone: UTC\n    hours:\n      thurs: [09:00-17:00]\n      mon: [09:00-17:00]\n" + Qual
            + "routing:\n  - { default: true, team: t, calendar: cla }\n";

        var messages = PolicyLoader.TryLoad(yaml).Errors.Select(e => e.Message).ToList();

        Assert.Contains(messages, m => m.EndsWith("did you mean `thu`?", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.EndsWith("did you mean `cal`?", StringComparison.Ordinal));
    }

    [Fact]
    public void TryLoad_ZoneWithWrongCase_SuggestsTheTzdbId()
    {
        var yaml = Head + "calendars:\n  cal:\n    zone: america/new_york\n    hours: { mon: [09:00-17:00] }\n";

        var error = Assert.Single(PolicyLoader.TryLoad(yaml).Errors);

        Assert.Equal("SLA0201", error.Code);
        Assert.EndsWith("did you mean `America/New_York`?", error.Message, StringComparison.Ordinal);
    }
}
