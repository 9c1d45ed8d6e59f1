using NodaTime;
using SlaEngine.Authoring;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;

namespace SlaEngine.Tests.Authoring;

/// <summary>
/// Backtest of rank-bands-v2 (platinum first call within 1 business hour) against rank-bands (2 business hours).
/// Hand-checked: a platinum lead handed over Fri 20 Nov 2026 10:30 EST (15:30Z) is due 13:30 EST (18:30Z) under v3
/// and 11:30 EST (16:30Z) under v4. At 12:00 EST (17:00Z), uncalled: v3 has 30 business minutes left (13:00-13:30),
/// within warn_before, so at_risk; v4 is 30 business minutes late (11:30-12:00), so breached. A gold lead is unchanged.
/// </summary>
public sealed class PolicyComparisonTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 20, 17, 0);

    private const string Leads = """
        {"id":"P1","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"employees":250,"purchase_timeline":"now"}}
        {"id":"G1","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":70,"employees":20,"pain_with_provider":true}}
        """;

    [Fact]
    public void Compare_TighterPlatinumFirstTouch_ChangesOnlyThePlatinumLeadsFirstTouch()
    {
        var comparison = new PolicyComparison(
            PolicyLoader.LoadFile(CliRunner.Sample("rank-bands.yaml")),
            PolicyLoader.LoadFile(CliRunner.Sample("rank-bands-v2.yaml")),
            At);

        var differing = comparison.Compare(ReadLeads()).ToList();

        var lead = Assert.Single(differing);
        Assert.Equal("P1", lead.Id);
        Assert.Equal<FieldChange>(
            [
                new FieldChange("milestones.first_touch.due", "2026-11-20T18:30:00Z", "2026-11-20T16:30:00Z"),
                new FieldChange("milestones.first_touch.status", "at_risk", "breached"),
            ],
            lead.Changes.ToArray());
        var totals = comparison.Totals;
        Assert.Equal((2, 1), (totals.Leads, totals.Differing));
        Assert.Equal((0, 1), (totals.Base.Breaches, totals.Candidate.Breaches));
        Assert.Equal(2, totals.Candidate.ByStatus["mql"]);
        Assert.Equal(1, totals.Candidate.ByTier["platinum"]);
    }

    [Fact]
    public void Compare_TouchLoad_IsTouchesOverTheBusinessDaysTheWindowsSpan()
    {
        var comparison = new PolicyComparison(
            PolicyLoader.LoadFile(CliRunner.Sample("rank-bands.yaml")),
            PolicyLoader.LoadFile(CliRunner.Sample("rank-bands-v2.yaml")),
            At);
        _ = comparison.Compare(ReadLeads()).ToList();

        // enterprise (platinum): 1 first touch + 7 calls + 3 emails = 11 touches; window Fri 20 Nov to the effort due
        // Thu 3 Dec: 20, 23, 24, 25, 27, 30 Nov, 1, 2, 3 Dec = 9 business days (Thanksgiving closed) -> 1.22 a day.
        // smb (gold): 1 + 4 + 2 = 7 touches; window to Mon 7 Dec: 11 business days -> 0.64 a day.
        Assert.Equal<TeamTouchLoad>(
            [
                new TeamTouchLoad("enterprise", "us-sales", 1, 11, new LocalDate(2026, 11, 20), new LocalDate(2026, 12, 3), 9, 1.22),
                new TeamTouchLoad("smb", "us-sales", 1, 7, new LocalDate(2026, 11, 20), new LocalDate(2026, 12, 7), 11, 0.64),
            ],
            comparison.Totals.Base.TouchLoad.ToArray());
    }

    [Fact]
    public void Cli_Compare_PrintsDifferencesThenTotals()
    {
        var folder = CliRunner.TempFolder(("leads.jsonl", Leads + "\nnot json\n"));

        var (code, stdout, _) = CliRunner.Run(
            "compare", "--base", CliRunner.Sample("rank-bands.yaml"), "--candidate", CliRunner.Sample("rank-bands-v2.yaml"),
            "--at", "2026-11-20T17:00:00Z", "--leads", Path.Combine(folder, "leads.jsonl"));

        Assert.Equal(3, code); // one invalid line
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            """{"id":"P1","changes":[{"field":"milestones.first_touch.due","base":"2026-11-20T18:30:00Z","candidate":"2026-11-20T16:30:00Z"},{"field":"milestones.first_touch.status","base":"at_risk","candidate":"breached"}]}""",
            lines[0]);
        Assert.StartsWith("""{"id":null,"error":{"code":"SLA0701",""", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("""{"totals":{"leads":2,"differing":1,"base":{"policy":"lattice-predictive","version":3,"by_status":{"mql":2},"by_tier":{"gold":1,"platinum":1},"breaches":0,""", lines[2], StringComparison.Ordinal);
        Assert.Contains("""{"team":"enterprise","calendar":"us-sales","leads":1,"touches":11,"from":"2026-11-20","to":"2026-12-03","business_days":9,"per_business_day":1.22}""", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_CompareTable_ListsChangesAndTotals()
    {
        var folder = CliRunner.TempFolder(("leads.jsonl", Leads));

        var (code, stdout, _) = CliRunner.Run(
            "compare", "--base", CliRunner.Sample("rank-bands.yaml"), "--candidate", CliRunner.Sample("rank-bands-v2.yaml"),
            "--at", "2026-11-20T17:00:00Z", "--leads", Path.Combine(folder, "leads.jsonl"), "--format", "table");

        Assert.Equal(0, code);
        Assert.Matches(@"\nP1 +milestones\.first_touch\.status +at_risk +breached\n", stdout);
        Assert.Contains("2 leads, 1 differ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_CompareWithoutBase_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("compare", "--candidate", "b.yaml", "--at", "2026-11-20T17:00:00Z");

        Assert.Equal(2, code);
        Assert.Contains("--base is required", stderr, StringComparison.Ordinal);
    }

    private static IEnumerable<LeadSnapshot> ReadLeads() =>
        Leads.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => LeadSnapshot.Parse(l).Value);
}
