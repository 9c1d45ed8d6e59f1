using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Reporting;
using static SlaEngine.Tests.Reporting.ReportTestData;

namespace SlaEngine.Tests.Reporting;

public sealed class ComplianceReportBuilderTests
{
    [Fact]
    public void Build_MilestoneVerdicts_CountsThemAndAttainmentIsMetOverDecided()
    {
        var builder = new ComplianceReportBuilder(Policy, At);
        MilestoneStatus[] verdicts =
        [
            MilestoneStatus.Met, MilestoneStatus.Met, MilestoneStatus.MetLate, MilestoneStatus.Breached,
            MilestoneStatus.Pending, MilestoneStatus.AtRisk, MilestoneStatus.NotApplicable,
        ];
        foreach (var (verdict, i) in verdicts.Select((v, i) => (v, i)))
        {
            builder.Add(Lead($"L{i}", LeadStatus.Mql, "gold", Monday10, FirstTouch(verdict)));
        }

        var tally = builder.Build().Overall.Milestone("first_touch")!;

        // 2 met of 4 decided (met, met, met_late, breached); at_risk counts as pending.
        Assert.Equal(new MilestoneTally("first_touch", 2, 1, 1, 2, 1, 1), tally);
        Assert.Equal(4, tally.Decided);
        Assert.Equal(50.0, tally.Attainment);
    }

    [Fact]
    public void Build_NothingDecided_AttainmentAndItsGoalAreUnknown()
    {
        var builder = new ComplianceReportBuilder(Policy, At);
        builder.Add(Lead("L1", LeadStatus.Mql, "gold", Monday10, FirstTouch(MilestoneStatus.Pending)));

        var report = builder.Build().Overall;

        Assert.Null(report.Milestone("first_touch")!.Attainment);
        Assert.Equal(new GoalResult("first_touch_attainment", GoalBound.Min, 50, "50%", null, "percent", null), report.Goal("first_touch_attainment"));
    }

    [Fact]
    public void Build_TenSpeedSamples_MedianAndP90AreNearestRank()
    {
        var builder = new ComplianceReportBuilder(Policy, At);

        // First touches 10, 20, … 100 minutes after a 10:00 start, added in shuffled order.
        foreach (var minutes in new[] { 70, 10, 100, 40, 30, 90, 20, 60, 80, 50 })
        {
            builder.Add(Lead($"L{minutes}", LeadStatus.Mql, "gold", Monday10, FirstTouch(MilestoneStatus.Met, Monday10 + Duration.FromMinutes(minutes))));
        }

        var speed = builder.Build().Overall.SpeedToLead;

        // Median: rank ⌈0.5 × 10⌉ = 5 → 50 min; p90: rank ⌈0.9 × 10⌉ = 9 → 90 min.
        Assert.Equal(new SpeedToLead(10, 50 * 60, 90 * 60), speed);
    }

    [Fact]
    public void Build_OddSampleCount_MedianIsTheMiddleSample()
    {
        var builder = new ComplianceReportBuilder(Policy, At);
        foreach (var minutes in new[] { 5, 1, 3 })
        {
            builder.Add(Lead($"L{minutes}", LeadStatus.Mql, "gold", Monday10, FirstTouch(MilestoneStatus.Met, Monday10 + Duration.FromMinutes(minutes))));
        }

        // Median rank ⌈1.5⌉ = 2 → 3 min; p90 rank ⌈2.7⌉ = 3 → 5 min.
        Assert.Equal(new SpeedToLead(3, 180, 300), builder.Build().Overall.SpeedToLead);
    }

    [Fact]
    public void Build_FirstTouchAcrossAWeekend_SpeedCountsBusinessSecondsOnly()
    {
        var builder = new ComplianceReportBuilder(Policy, At);
        var friday1630 = Instant.FromUtc(2026, 11, 20, 21, 30);
        var monday0930 = Instant.FromUtc(2026, 11, 23, 14, 30);
        builder.Add(Lead("L1", LeadStatus.Mql, "gold", friday1630, FirstTouch(MilestoneStatus.Met, monday0930)));

        // 16:30-17:00 Friday and 09:00-09:30 Monday: one business hour.
        Assert.Equal(3600, builder.Build().Overall.SpeedToLead.MedianSeconds);
    }

    [Fact]
    public void Build_TierWithoutFirstTouchMilestone_SpeedUsesTheLeadsFirstTouchAtOrAfterStart()
    {
        var builder = new ComplianceReportBuilder(Policy, At);
        var lead = new LeadSnapshot("L1")
        {
            // A call before the SLA start never counts; the touch after `at` is ignored.
            Touches = Touches(Monday10 - Duration.FromHours(1), Monday10 + Duration.FromMinutes(45), At + Duration.FromDays(1)),
        };
        var evaluation = Lead("L1", LeadStatus.Mql, "silver", Monday10, Effort(Monday10 + Duration.FromDays(7)));

        builder.Add(evaluation);
        Assert.Equal(0, builder.Build().Overall.SpeedToLead.Samples);

        builder.Add(evaluation, lead);
        Assert.Equal(new SpeedToLead(1, 45 * 60, 45 * 60), builder.Build().Overall.SpeedToLead);
    }

    [Fact]
    public void Build_Leakage_CountsUndispositionedLeadsPastTheirEffortOrCadenceDeadline()
    {
        var builder = new ComplianceReportBuilder(Policy, At);
        var past = At - Duration.FromDays(1);
        var future = At + Duration.FromDays(1);
        builder.Add(Lead("effort-past", LeadStatus.Mql, "gold", Monday10, Effort(past, MilestoneStatus.Breached)));
        builder.Add(Lead("effort-done-past", LeadStatus.Mql, "gold", Monday10, Effort(past, MilestoneStatus.Met)));
        builder.Add(Lead("effort-future", LeadStatus.Mql, "gold", Monday10, Effort(future)));
        builder.Add(Lead("converted-past", LeadStatus.Converted, "gold", Monday10, Effort(past, MilestoneStatus.Breached)));
        builder.Add(Lead("cadence-last-past", LeadStatus.RecycleDue, "gold", Monday10, Step(1, past - Duration.FromDays(3), MilestoneStatus.Met), Step(2, past, MilestoneStatus.Met)));
        builder.Add(Lead("cadence-last-unknown", LeadStatus.Mql, "gold", Monday10, Step(1, past, MilestoneStatus.Breached), Step(2, null)));
        builder.Add(Lead("effort-past-cadence-future", LeadStatus.Mql, "gold", Monday10, Effort(past), Step(1, future)));
        builder.Add(Lead("nurture", LeadStatus.Nurture, null, null));

        var overall = builder.Build().Overall;

        // effort-past, effort-done-past, cadence-last-past and cadence-last-unknown (stuck on a breached step whose due
        // is the last one known) leaked, of 7 leads that became MQLs; effort-past-cadence-future's work runs on.
        Assert.Equal(4, overall.Leakage);
        Assert.Equal(7, overall.Mqls);
        Assert.Equal(400.0 / 7, overall.LeakagePercentOfMqls!.Value, 9);
        Assert.Equal(false, overall.Goal("leakage")!.Passed);
    }

    [Fact]
    public void Build_MqlPerMonth_CountsInThePolicyZoneAndTheWorstMonthCounts()
    {
        var builder = new ComplianceReportBuilder(Policy, At);

        // 02:00Z on 1 October is still 30 September in New York.
        Instant[] starts =
        [
            Instant.FromUtc(2026, 9, 10, 15, 0), Instant.FromUtc(2026, 9, 11, 15, 0), Instant.FromUtc(2026, 10, 1, 2, 0),
            Instant.FromUtc(2026, 10, 20, 15, 0), Instant.FromUtc(2026, 10, 21, 15, 0), Instant.FromUtc(2026, 10, 22, 15, 0),
            Instant.FromUtc(2026, 12, 1, 15, 0), Instant.FromUtc(2026, 12, 2, 15, 0),
        ];
        var statuses = new[] { LeadStatus.Mql, LeadStatus.Converted, LeadStatus.Deferred, LeadStatus.Recycled, LeadStatus.RecycleDue, LeadStatus.Mql, LeadStatus.Mql, LeadStatus.Mql };
        for (var i = 0; i < starts.Length; i++)
        {
            builder.Add(Lead($"L{i}", statuses[i], "gold", starts[i]));
        }

        // Nurture and excluded leads never became MQLs.
        builder.Add(Lead("N", LeadStatus.Nurture, null, Instant.FromUtc(2026, 11, 5, 15, 0)));
        builder.Add(Lead("X", LeadStatus.Excluded, null, null));

        var overall = builder.Build().Overall;

        Assert.Equal(
            [new MonthlyCount(2026, 9, 3), new MonthlyCount(2026, 10, 3), new MonthlyCount(2026, 11, 0), new MonthlyCount(2026, 12, 2)],
            overall.MqlsPerMonth.ToArray());
        var goal = overall.Goal("mql_per_month")!;
        Assert.Equal(0, goal.Actual);
        Assert.Equal(false, goal.Passed);
    }

    [Fact]
    public void Build_Goals_EachHasItsActualValueAndVerdict()
    {
        var builder = new ComplianceReportBuilder(Policy, At);

        // Three leads in November, touched after 30, 60 and 150 business minutes; two met, one late.
        builder.Add(Lead("A", LeadStatus.Mql, "gold", Monday10, FirstTouch(MilestoneStatus.Met, Monday10 + Duration.FromMinutes(30))));
        builder.Add(Lead("B", LeadStatus.Mql, "gold", Monday10, FirstTouch(MilestoneStatus.Met, Monday10 + Duration.FromMinutes(60))));
        builder.Add(Lead("C", LeadStatus.Converted, "gold", Monday10, FirstTouch(MilestoneStatus.MetLate, Monday10 + Duration.FromMinutes(150))));

        var goals = builder.Build().Overall.Goals.Select(g => g with { Actual = g.Actual is { } a ? Math.Round(a, 6) : null }).ToArray();

        Assert.Equal(
            [
                new GoalResult("first_touch_attainment", GoalBound.Min, 50, "50%", 66.666667, "percent", true),
                new GoalResult("mql_per_month", GoalBound.Min, 2, "2", 3, "count", true),
                new GoalResult("median_speed_to_lead", GoalBound.Max, 3600, "1 business hour", 3600, "seconds", true),
                new GoalResult("p90_speed_to_lead", GoalBound.Max, 7200, "2 business hours", 9000, "seconds", false),
                new GoalResult("leakage", GoalBound.Max, 10, "10%", 0, "percent", true),
            ],
            goals);
    }

    [Fact]
    public void Build_ByTier_GroupsInPolicyOrderThenUnknownThenNone()
    {
        var builder = new ComplianceReportBuilder(Policy, At, ReportGrouping.Tier);
        builder.Add(Lead("1", LeadStatus.Nurture, null, null));
        builder.Add(Lead("2", LeadStatus.Mql, "silver", Monday10));
        builder.Add(Lead("3", LeadStatus.Mql, "zinc", Monday10));
        builder.Add(Lead("4", LeadStatus.Mql, "gold", Monday10));
        builder.Add(Lead("5", LeadStatus.Mql, "gold", Monday10));
        builder.AddInvalid();

        var report = builder.Build();

        Assert.Equal(["gold", "silver", "zinc", null], report.Groups.Select(g => g.Key));
        Assert.Equal([2, 1, 1, 1], report.Groups.Select(g => g.Leads));
        Assert.Equal(5, report.Overall.Leads);
        Assert.Equal(1, report.InvalidLeads);
        Assert.Equal(1, report.Overall.ByStatus[LeadStatus.Nurture]);
        Assert.Equal(0, report.Overall.ByStatus[LeadStatus.Deferred]);
    }

    [Fact]
    public void Build_Breaches_CountsLeadsAndMilestones()
    {
        var builder = new ComplianceReportBuilder(Policy, At);
        builder.Add(Lead("1", LeadStatus.Mql, "gold", Monday10, FirstTouch(MilestoneStatus.Breached), Effort(At, MilestoneStatus.Breached)));
        builder.Add(Lead("2", LeadStatus.Mql, "gold", Monday10, FirstTouch(MilestoneStatus.Met, Monday10)));

        var overall = builder.Build().Overall;

        Assert.Equal((1, 2), (overall.LeadsBreached, overall.MilestonesBreached));
    }
}
