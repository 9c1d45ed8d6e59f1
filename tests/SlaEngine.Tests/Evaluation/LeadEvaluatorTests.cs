using NodaTime;
using SlaEngine.Evaluation;
using static SlaEngine.Tests.Evaluation.LeadSnapshotBuilder;

namespace SlaEngine.Tests.Evaluation;

/// <summary>Decisions, milestones, next touch and escalations, each against a hand-computed expectation.</summary>
public sealed class LeadEvaluatorTests
{
    private static LeadEvaluation Evaluate(LeadSnapshot lead, string at) => TestPolicies.HandChecked.Explain(lead, T(at));

    [Fact]
    public void Evaluate_SpecWorkedExample_MatchesSection5Line()
    {
        // The lead of spec 4.1 under the policy of spec section 2 at 2026-11-22T12:00Z (spec section 5).
        var lead = LeadSnapshot.Parse("""
            {"id":"L-1001","mql_at":"2026-11-20T15:30:00Z",
             "attributes":{"employees":250,"rank":91,"purchase_timeline":"1-6 months","email":"ana@acme.com","title":"VP Marketing","country":"US"},
             "events":[{"type":"whitepaper_download","at":"2026-11-01T10:00:00Z"}],
             "touches":[{"channel":"call","at":"2026-11-20T16:10:00Z","outcome":"no_answer"}],
             "paused":[{"from":"2026-11-21T00:00:00Z","to":"2026-11-22T00:00:00Z"}]}
            """).Value;
        var result = TestPolicies.Conformance("lattice-predictive.yaml").Evaluate(lead, T("2026-11-22T12:00:00Z"));

        Assert.Equal(LeadStatus.Mql, result.Status);
        Assert.Equal("trigger: ready to buy", result.Reason);
        Assert.Equal(30.0, result.Score);
        Assert.Equal(("platinum", "A", "enterprise", "us-sales"), (result.Tier, result.Band, result.Team, result.Calendar));
        Assert.Equal(T("2026-11-20T15:30:00Z"), result.SlaStart);
        Assert.Equal(new MilestoneResult("first_touch", T("2026-11-20T18:30:00Z"), MilestoneStatus.Met, T("2026-11-20T16:10:00Z"), Duration.Zero), result.Milestones[0]);
        Assert.Equal(new MilestoneResult("effort", T("2026-12-03T22:00:00Z"), MilestoneStatus.Pending, null, Duration.Zero), result.Milestones[1]);
        Assert.Equal(new NextTouch("effort", "call", T("2026-11-23T15:55:00Z")), result.NextTouch);
        Assert.Equal(T("2026-11-22T15:30:00Z"), result.Escalations[0].At); // the 24 h pause holds the elapsed rung back
        Assert.False(result.Escalations[0].Fired);
        Assert.Equal(["owner"], result.Escalations[0].Notify.ToArray());
    }

    [Fact]
    public void Evaluate_FridayEveningBeforeHolidayMonday_StartsTuesdayMorning()
    {
        // Friday 28 May 2027 18:00 EDT; Monday 31 May is Memorial Day. Four business hours run Tue 09:00–13:00 EDT;
        // three business days after Friday are Tue, Wed, Thu → Thu 17:00 EDT.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-05-28T22:00:00Z").Build();
        var result = Evaluate(lead, "2027-06-01T12:00:00Z");

        Assert.Equal(T("2027-06-01T17:00:00Z"), result.Milestone("first_touch")!.Due);
        Assert.Equal(MilestoneStatus.Pending, result.Milestone("first_touch")!.Status);
        Assert.Equal(T("2027-06-03T21:00:00Z"), result.Milestone("effort")!.Due);
        Assert.All(result.Escalations, e => Assert.True(e.Fired)); // 24/48/72 h all passed by Tuesday with no call
        Assert.Equal(new NextTouch("first_touch", "call", T("2027-06-01T17:00:00Z")), result.NextTouch);
    }

    [Fact]
    public void Evaluate_LeadInDstWeek_UsesLocalHoursAndSameLocalTimeDays()
    {
        // Friday 12 March 2027 16:00 EST (21:00Z); clocks go forward on Sunday 14 March.
        // First touch: Fri 16:00–17:00 EST, then Mon 09:00–12:00 EDT → 16:00Z.
        // The call is made Friday 16:30 EST; the disposition is due 7 days later at the same local time: Fri 19 March 16:30 EDT = 20:30Z.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-03-12T21:00:00Z").WithTouch("call", "2027-03-12T21:30:00Z").Build();
        var result = Evaluate(lead, "2027-03-15T12:00:00Z");

        Assert.Equal(T("2027-03-15T16:00:00Z"), result.Milestone("first_touch")!.Due);
        Assert.Equal(MilestoneStatus.Met, result.Milestone("first_touch")!.Status);
        Assert.Equal(T("2027-03-19T20:30:00Z"), result.Milestone("disposition")!.Due);
    }

    [Fact]
    public void Evaluate_RepCallsOneMinuteLate_IsMetLateBySixtySeconds()
    {
        // Tue 1 June 2027 10:00 EDT; due 14:00 EDT (18:00Z); the call at 14:01 EDT.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z").WithTouch("call", "2027-06-01T18:01:00Z").Build();
        var first = Evaluate(lead, "2027-06-02T12:00:00Z").Milestone("first_touch")!;

        Assert.Equal(MilestoneStatus.MetLate, first.Status);
        Assert.Equal(Duration.FromSeconds(60), first.LateBy);
    }

    [Fact]
    public void Evaluate_CallBeforeOpeningAfterDeadlineAtClose_IsOnTime()
    {
        // Due Tue 17:00 EDT exactly at the close; the call is Wed 08:30 EDT: no business time ran past the deadline.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T17:00:00Z").WithTouch("call", "2027-06-02T12:30:00Z").Build();
        var first = Evaluate(lead, "2027-06-02T13:00:00Z").Milestone("first_touch")!;

        Assert.Equal(T("2027-06-01T21:00:00Z"), first.Due);
        Assert.Equal(MilestoneStatus.Met, first.Status);
        Assert.Equal(Duration.Zero, first.LateBy);
    }

    [Fact]
    public void Evaluate_SaturdayAfterFridayDeadline_IsNotYetBreached()
    {
        // Due Friday 4 June 17:00 EDT; on Saturday no business time has run past it.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-04T17:00:00Z").Build();
        var first = Evaluate(lead, "2027-06-05T16:00:00Z").Milestone("first_touch")!;

        Assert.Equal(T("2027-06-04T21:00:00Z"), first.Due);
        Assert.NotEqual(MilestoneStatus.Breached, first.Status);
        Assert.Equal(MilestoneStatus.AtRisk, first.Status); // no time left, and warn_before is 1 hour
    }

    [Theory]
    [InlineData("2027-06-01T16:30:00Z", MilestoneStatus.Pending)] // 1 h 30 min left
    [InlineData("2027-06-01T17:00:00Z", MilestoneStatus.AtRisk)] // exactly warn_before (1 h) left
    [InlineData("2027-06-01T17:30:00Z", MilestoneStatus.AtRisk)] // 30 min left
    [InlineData("2027-06-01T18:00:00Z", MilestoneStatus.AtRisk)] // due now: not late yet
    [InlineData("2027-06-01T18:00:01Z", MilestoneStatus.Breached)] // one second past due
    public void Evaluate_ApproachingDue_MovesFromPendingToAtRiskToBreached(string at, MilestoneStatus expected)
    {
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z").Build();
        Assert.Equal(expected, Evaluate(lead, at).Milestone("first_touch")!.Status);
    }

    [Fact]
    public void Evaluate_PausedLead_PushesBusinessAndElapsedDeadlines()
    {
        // Tue 10:00 EDT, paused 11:00–13:00 EDT: four business hours end at 16:00 EDT; the 24 h rung moves by 2 h.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z").WithPause("2027-06-01T15:00:00Z", "2027-06-01T17:00:00Z").Build();
        var result = Evaluate(lead, "2027-06-01T15:30:00Z");

        Assert.Equal(T("2027-06-01T20:00:00Z"), result.Milestone("first_touch")!.Due);
        Assert.Equal(T("2027-06-02T16:00:00Z"), result.Escalations[0].At);
    }

    [Fact]
    public void Evaluate_CallAfter48HourRung_FiresFirstTwoRungsOnly()
    {
        // Rungs at +24/48/72 h from Tue 14:00Z; the call at Thu 20:00Z comes after the 48 h rung, before the 72 h one.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z").WithTouch("call", "2027-06-03T20:00:00Z").Build();
        var result = Evaluate(lead, "2027-06-05T00:00:00Z");

        Assert.Equal([true, true, false], result.Escalations.Select(e => e.Fired));
        Assert.Equal(MilestoneStatus.MetLate, result.Milestone("first_touch")!.Status);
    }

    [Fact]
    public void Evaluate_EffortInProgress_SpreadsRemainingAttemptsEvenly()
    {
        // Call at Tue 10:30 EDT; effort due Fri 4 June 17:00 EDT; 2 attempts left (call 1, email 1; tie → call, as written).
        // Business time left: 6.5 + 8 + 8 + 8 = 30.5 h = 1830 min; / 2 = 915 min → Tue 10:30 + 15 h 15 min of business time = Thu 09:45 EDT.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z").WithTouch("call", "2027-06-01T14:30:00Z").Build();
        var result = Evaluate(lead, "2027-06-01T15:00:00Z");

        Assert.Equal(T("2027-06-04T21:00:00Z"), result.Milestone("effort")!.Due);
        Assert.Equal(new NextTouch("effort", "call", T("2027-06-03T13:45:00Z")), result.NextTouch);
    }

    [Fact]
    public void Evaluate_EffortDone_IsMetAtTheTouchCompletingTheLastCount()
    {
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z")
            .WithTouch("call", "2027-06-01T14:30:00Z")
            .WithTouch("email", "2027-06-01T15:00:00Z")
            .WithTouch("call", "2027-06-02T15:00:00Z")
            .WithTouch("call", "2027-06-02T16:00:00Z") // a third call counts for nothing
            .Build();
        var effort = Evaluate(lead, "2027-06-03T12:00:00Z").Milestone("effort")!;

        Assert.Equal(MilestoneStatus.Met, effort.Status);
        Assert.Equal(T("2027-06-02T15:00:00Z"), effort.MetAt);
    }

    [Fact]
    public void Evaluate_Disposition_EndsTheSla()
    {
        // Converted Wed before the effort deadline: effort not applicable, disposition met, no next touch, no rung after it fires.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z")
            .WithTouch("call", "2027-06-01T14:30:00Z")
            .WithDisposition(DispositionOutcome.Convert, "2027-06-02T15:00:00Z")
            .Build();
        var result = Evaluate(lead, "2027-06-10T12:00:00Z");

        Assert.Equal(LeadStatus.Converted, result.Status);
        Assert.Equal("disposition: convert", result.Reason);
        Assert.Equal(MilestoneStatus.NotApplicable, result.Milestone("effort")!.Status);
        Assert.Equal(MilestoneStatus.Met, result.Milestone("disposition")!.Status);
        Assert.Null(result.NextTouch);
        Assert.All(result.Escalations, e => Assert.False(e.Fired));
    }

    [Fact]
    public void Evaluate_DispositionAfterBreach_JudgesOpenMilestonesAtTheDisposition()
    {
        // No call at all; recycled Thu 3 June 10:00 EDT, after the first-touch due (Tue 14:00 EDT): judged at the disposition,
        // breached by Tue 14–17 (3 h) + Wed (8 h) + Thu 09–10 (1 h) = 12 h of business time, however late `at` is.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z").WithDisposition(DispositionOutcome.Recycle, "2027-06-03T14:00:00Z").Build();
        var result = Evaluate(lead, "2027-06-20T12:00:00Z");

        Assert.Equal(LeadStatus.Recycled, result.Status);
        var first = result.Milestone("first_touch")!;
        Assert.Equal(MilestoneStatus.Breached, first.Status);
        Assert.Equal(Duration.FromHours(12), first.LateBy);
    }

    [Fact]
    public void Evaluate_FutureDisposition_IsIgnored()
    {
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z").WithDisposition(DispositionOutcome.Convert, "2027-06-05T00:00:00Z").Build();
        Assert.Equal(LeadStatus.Mql, Evaluate(lead, "2027-06-02T00:00:00Z").Status);
    }

    [Fact]
    public void Evaluate_PinnedTier_OverridesTheBand()
    {
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z").WithAssignment("silver", null).Build();
        var result = Evaluate(lead, "2027-06-01T15:00:00Z");

        Assert.Equal("silver", result.Tier);
        Assert.Equal(T("2027-06-02T14:00:00Z"), result.Milestone("first_touch")!.Due); // 8 business hours: Tue 10–17 (7 h) + Wed 09–10
        Assert.Contains(result.Trace, e => e.Stage == "tier" && e.Detail.Contains("pinned", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_PinnedUnknownTier_IsRejected()
    {
        var lead = new LeadSnapshotBuilder().WithAssignment("diamond", null).Build();
        var error = Assert.Throws<InvalidLeadException>(() => Evaluate(lead, "2027-06-01T15:00:00Z")).Error;
        Assert.Equal(("SLA0705", "assigned.tier", lead.Id), (error.Code, error.Path, error.LeadId));
        Assert.Contains("diamond", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoMqlAt_StartsTheSlaAtTheEvaluationInstant()
    {
        var result = Evaluate(new LeadSnapshotBuilder().Build(), "2027-06-01T14:00:00Z");
        Assert.Equal(T("2027-06-01T14:00:00Z"), result.SlaStart);
        Assert.Equal(T("2027-06-01T18:00:00Z"), result.Milestone("first_touch")!.Due);
    }

    [Fact]
    public void Evaluate_Trace_ExplainsTierAndBreach()
    {
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z").Build();
        var trace = Evaluate(lead, "2027-06-03T14:00:00Z").Trace;

        Assert.Contains(trace, e => e.Stage == "band" && e.Rule == "all" && e.Detail.Contains("tier gold", StringComparison.Ordinal));
        Assert.Contains(trace, e => e.Stage == "routing" && e.Rule == "inside");
        var milestone = Assert.Single(trace, e => e.Stage == "milestone" && e.Rule == "first_touch");
        Assert.Contains("4 business hours on calendar ny (America/New_York)", milestone.Detail, StringComparison.Ordinal);
        Assert.Contains("breached", milestone.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WithoutTrace_GivesTheSameResultWithAnEmptyTrace()
    {
        var lead = new LeadSnapshotBuilder().WithMqlAt("2027-06-01T14:00:00Z").WithTouch("call", "2027-06-01T15:00:00Z").Build();
        var with = TestPolicies.HandChecked.Explain(lead, T("2027-06-02T12:00:00Z"));
        var without = TestPolicies.HandChecked.Evaluate(lead, T("2027-06-02T12:00:00Z"), EvaluationOptions.WithoutTrace);
        var byDefault = TestPolicies.HandChecked.Evaluate(lead, T("2027-06-02T12:00:00Z"));

        Assert.NotEmpty(with.Trace);
        Assert.Empty(without.Trace);
        Assert.Empty(byDefault.Trace); // the trace costs only when asked for
        Assert.Equal(EvaluationJson.Serialize(with), EvaluationJson.Serialize(without));
        Assert.Equal(EvaluationJson.Serialize(byDefault), EvaluationJson.Serialize(without));
    }
}
