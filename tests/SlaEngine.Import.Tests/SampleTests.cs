using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Import.Tests;

/// <summary>
/// The templates of samples/import, imported and evaluated under samples/policies/rank-bands.yaml at Monday
/// 23 November 2026 16:00 EST (21:00Z). Every expected value is worked out by hand in the comments from the calendar
/// (us-sales: New York, Mon–Fri 09:00–12:00 and 13:00–17:00; night-desk: London, Mon–Fri 22:00–06:00, Sat all day).
/// </summary>
public sealed class SampleTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 21, 0);

    private static readonly Lazy<SlaPolicy> Policy = new(() => PolicyLoader.LoadFile(Sample("policies", "rank-bands.yaml")));

    [Fact]
    public void Salesforce_LeadAndTaskReports()
    {
        var map = ImportMapLoader.LoadFile(Sample("import", "salesforce", "salesforce.map.yaml"));
        var import = Import.Run(map, Named("lead-report.csv", "salesforce"), Named("task-report.csv", "salesforce"));

        Assert.All(import.Leads, l => Assert.True(l.Success, l.Error?.ToString()));
        var results = import.Leads.Select(l => Policy.Value.Evaluate(l.Lead!, At)).ToList();
        Assert.Equal(["00Q5g00000LkA1bEAF", "00Q5g00000LkA2cEAF", "00Q5g00000LkA3dEAF", "00Q5g00000LkA4eEAF"], results.Select(r => r.Id));

        // Ana Okafor: "1-6 months" is the platinum trigger; 250 employees route to enterprise on us-sales. MQL Friday
        // 20 Nov 10:30 EST (15:30Z); two business hours: 10:30-12:00 and 13:00-13:30 EST = 18:30Z. Her first call was
        // at 11:10 EST (16:10Z): met. The 11:25 email is her second touch.
        var ana = results[0];
        Assert.Equal((LeadStatus.Mql, "platinum", "enterprise"), (ana.Status, ana.Tier, ana.Team));
        Assert.Equal((Instant.FromUtc(2026, 11, 20, 18, 30), MilestoneStatus.Met, Instant.FromUtc(2026, 11, 20, 16, 10)), Due(ana));
        Assert.Equal(["call", "email"], import.Leads[0].Lead!.Touches.Select(t => t.Channel));
        Assert.Equal("Left Voicemail", import.Leads[0].Lead!.Touches[0].Outcome);

        // Marcus Lindqvist: provider pain qualifies him without a tier, so rank 72 gives band B, gold; 40 employees in
        // the US route to smb. MQL Monday 09:15 EST; four business hours: 09:15-12:00 (2:45) and 13:00-14:15 = 14:15
        // EST = 19:15Z. By 16:00 EST only an email (not a call) was made: breached.
        var marcus = results[1];
        Assert.Equal((LeadStatus.Mql, "gold", "B", "smb"), (marcus.Status, marcus.Tier, marcus.Band, marcus.Team));
        Assert.Equal((Instant.FromUtc(2026, 11, 23, 19, 15), MilestoneStatus.Breached), (marcus.Milestone("first_touch")!.Due, marcus.Milestone("first_touch")!.Status));

        // Siobhan O'Neill: "Closed - Converted" with Converted Date 11/23/2026, a date without a time: 00:00 EST = 05:00Z,
        // before `at`, so the lead is converted. "1,500" employees is a number with a thousands separator.
        var siobhan = results[2];
        Assert.Equal(LeadStatus.Converted, siobhan.Status);
        Assert.StartsWith("disposition: convert", siobhan.Reason, StringComparison.Ordinal);
        Assert.Equal(new LeadDisposition { Outcome = DispositionOutcome.Convert, At = Instant.FromUtc(2026, 11, 23, 5, 0) }, import.Leads[2].Lead!.Disposition);
        Assert.Equal(1500, import.Leads[2].Lead!.Attributes["employees"].AsNumber);
        Assert.Single(import.Leads[2].Lead!.Touches); // the "Task" row maps to null: skipped, not a touch

        // Tomás Ferreira: no trigger; "Student" scores -20, below the threshold of 50: nurture.
        Assert.Equal(LeadStatus.Nurture, results[3].Status);
        Assert.StartsWith("below threshold", results[3].Reason, StringComparison.Ordinal);

        Assert.Equal(
        [
            "task-report.csv:8:6: warning SLA1840: lead \"00Q5g00000LkA9zEAF\" is not in the leads file; the row is skipped",
            "lead-report.csv:4:15: warning SLA1852: column `Converted Date` has dates without a time of day (\"11/23/2026\"); each is read as 00:00 in America/New_York (reported once per column)",
        ], import.Warnings.Select(w => w.ToString()));
        Assert.Equal((6, 4, 1), (import.Summary.TouchRows, import.Summary.Touches, import.Summary.SkippedByMap));
    }

    [Fact]
    public void HubSpot_ContactsAndEngagements()
    {
        var map = ImportMapLoader.LoadFile(Sample("import", "hubspot", "hubspot.map.yaml"));
        var import = Import.Run(map, Named("contacts.csv", "hubspot"), Named("engagements.csv", "hubspot"));

        Assert.All(import.Leads, l => Assert.True(l.Success, l.Error?.ToString()));
        var results = import.Leads.Select(l => Policy.Value.Evaluate(l.Lead!, At)).ToList();

        // Grace Adeyemi: "Immediately" maps to now, the platinum trigger; 600 employees: enterprise on us-sales. MQL
        // 08:05 in Chicago (CST, UTC-6) = 14:05Z = 09:05 EST; two business hours later is 11:05 EST = 16:05Z. The call
        // at 09:50 CST = 15:50Z met it.
        var grace = results[0];
        Assert.Equal((LeadStatus.Mql, "platinum", "enterprise", "us-sales"), (grace.Status, grace.Tier, grace.Team, grace.Calendar));
        Assert.Equal((Instant.FromUtc(2026, 11, 23, 16, 5), MilestoneStatus.Met, Instant.FromUtc(2026, 11, 23, 15, 50)), Due(grace));
        Assert.Equal("connected", import.Leads[0].Lead!.Touches.Single().Outcome); // the meeting row maps to null

        // Oliver Brennan: provider pain, rank 64: gold. 25 employees, "United Kingdom" maps to GB: emea on the London
        // night desk. MQL 04:00 CST = 10:00 GMT Monday, closed; the desk opens at 22:00, so four business hours end
        // Tuesday 02:00 GMT = 02:00Z. At 21:00Z it is not yet due, and his email does not count for a call.
        var oliver = results[1];
        Assert.Equal((LeadStatus.Mql, "gold", "emea", "night-desk"), (oliver.Status, oliver.Tier, oliver.Team, oliver.Calendar));
        Assert.Equal((Instant.FromUtc(2026, 11, 24, 2, 0), MilestoneStatus.Pending), (oliver.Milestone("first_touch")!.Due, oliver.Milestone("first_touch")!.Status));

        // Mei Tanaka: "Unqualified" maps to recycle, dated by Last Modified Date 22 Nov 10:00 CST = 16:00Z: recycled,
        // though "Immediately" would have made her platinum (a disposition comes before qualification).
        Assert.Equal(LeadStatus.Recycled, results[2].Status);
        Assert.Equal(Instant.FromUtc(2026, 11, 22, 16, 0), import.Leads[2].Lead!.Disposition!.At);

        // Luis García: no purchase timeline, no pain, score 0: nurture; "Spain" maps to ES.
        Assert.Equal(LeadStatus.Nurture, results[3].Status);
        Assert.Equal("ES", import.Leads[3].Lead!.Attributes["country"].AsString);

        Assert.Equal(
            ["engagements.csv:5:5: warning SLA1840: lead \"51239999\" is not in the leads file; the row is skipped"],
            import.Warnings.Select(w => w.ToString()));
        Assert.Equal((5, 2, 2), (import.Summary.TouchRows, import.Summary.Touches, import.Summary.SkippedByMap));
    }

    private static (Instant? Due, MilestoneStatus Status, Instant? MetAt) Due(LeadEvaluation evaluation) =>
        evaluation.Milestone("first_touch") is { } m ? (m.Due, m.Status, m.MetAt) : default;

    internal static string Sample(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "samples", .. parts]);

    private static CsvSource Named(string file, string crm) =>
        CsvSource.FromStream(file, () => File.OpenRead(Sample("import", crm, file)));
}
