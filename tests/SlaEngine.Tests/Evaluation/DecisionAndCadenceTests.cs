using SlaEngine.Evaluation;
using static SlaEngine.Tests.Evaluation.LeadSnapshotBuilder;

namespace SlaEngine.Tests.Evaluation;

/// <summary>The decision order of spec 4.2 and ordered cadences (spec 4.3) on the sample and spec policies.</summary>
public sealed class DecisionAndCadenceTests
{
    private static readonly Lazy<SlaEngine.Policies.SlaPolicy> Lattice = new(() => TestPolicies.Conformance("lattice-predictive.yaml"));
    private static readonly Lazy<SlaEngine.Policies.SlaPolicy> LevelOfEffort = new(() => TestPolicies.Sample("level-of-effort.yaml"));

    [Theory]
    [InlineData("ana@rivalcorp.com", null, null, "exclusion: competitor")] // a competitor's address
    [InlineData("ana@acme.com", "filled", null, "exclusion: bot form")] // the honeypot field was filled by a bot
    [InlineData("ana@acme.com", null, "L-7", "exclusion: duplicate")] // a duplicate of another lead
    public void Evaluate_Exclusions_ExcludeBeforeAnythingElse(string email, string? honeypot, string? duplicateOf, string reason)
    {
        var builder = new LeadSnapshotBuilder().WithMqlAt("2026-11-20T15:30:00Z").With("email", email).With("purchase_timeline", "now").With("rank", 95.0);
        if (honeypot is not null)
        {
            builder.With("honeypot", honeypot);
        }

        if (duplicateOf is not null)
        {
            builder.With("duplicate_of", duplicateOf);
        }

        var result = Lattice.Value.Evaluate(builder.Build(), T("2026-11-22T12:00:00Z"));
        Assert.Equal(LeadStatus.Excluded, result.Status);
        Assert.Equal(reason, result.Reason);
        Assert.Empty(result.Milestones);
    }

    [Fact]
    public void Evaluate_QualifiedOnScoreWithNurtureBand_IsNurturedByBand()
    {
        // Score 15 (senior title) + 10 (large) + 15 (3 whitepapers, capped) + 10 (webinar today) = 50 >= 50, rank 30: band hold.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2026-11-20T15:30:00Z")
            .With("title", "Director of Sales").With("employees", 500.0).With("rank", 30.0)
            .WithEvent("whitepaper_download", "2026-11-01T00:00:00Z").WithEvent("whitepaper_download", "2026-11-02T00:00:00Z")
            .WithEvent("whitepaper_download", "2026-11-03T00:00:00Z").WithEvent("whitepaper_download", "2026-11-04T00:00:00Z")
            .WithEvent("webinar_attended", "2026-11-22T12:00:00Z")
            .Build();
        var result = Lattice.Value.Evaluate(lead, T("2026-11-22T12:00:00Z"));

        Assert.Equal(50.0, result.Score);
        Assert.Equal(LeadStatus.Nurture, result.Status);
        Assert.StartsWith("band: hold", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_QualifiedWithoutRank_HasNoBand()
    {
        var lead = new LeadSnapshotBuilder().With("pain_with_provider", true).Build();
        var result = Lattice.Value.Evaluate(lead, T("2026-11-22T12:00:00Z"));

        Assert.Equal(LeadStatus.Nurture, result.Status);
        Assert.StartsWith("no band", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NotQualified_IsBelowThreshold()
    {
        var lead = new LeadSnapshotBuilder().With("rank", 99.0).With("title", "Student").Build();
        var result = Lattice.Value.Evaluate(lead, T("2026-11-22T12:00:00Z"));

        Assert.Equal(LeadStatus.Nurture, result.Status);
        Assert.StartsWith("below threshold", result.Reason, StringComparison.Ordinal);
        Assert.Equal(-20.0, result.Score);
    }

    [Fact]
    public void Evaluate_TriggerTier_WinsOverBand()
    {
        // Rank 50 is band C (silver), but `ready to buy` sets platinum; the band is still reported.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2026-11-20T15:30:00Z").With("rank", 50.0).With("purchase_timeline", "now").Build();
        var result = Lattice.Value.Evaluate(lead, T("2026-11-22T12:00:00Z"));

        Assert.Equal(("platinum", "C"), (result.Tier, result.Band));
        Assert.Equal("smb", result.Team);
    }

    [Theory]
    [InlineData(50.0, new[] { "cadence_step_1", "cadence_step_2", "cadence_step_3", "disposition" })] // small company: three touches
    [InlineData(150.0, new[] { "cadence_step_1", "cadence_step_2", "cadence_step_3", "cadence_step_4", "disposition" })] // above 100 employees: a fourth
    public void Evaluate_FourthTouch_OnlyAbove100Employees(double employees, string[] milestones)
    {
        var lead = new LeadSnapshotBuilder().WithMqlAt("2026-11-02T16:00:00Z").With("employees", employees).With("purchase_timeline", "now").Build();
        var result = LevelOfEffort.Value.Evaluate(lead, T("2026-11-02T17:00:00Z"));

        Assert.Equal(milestones, result.Milestones.Select(m => m.Name));
    }

    [Fact]
    public void Evaluate_Cadence_EachStepDueFromThePreviousCompletion()
    {
        // Denver, Mon–Fri 08:00–17:00. MQL Mon 2 Nov 2026 09:00 MST (16:00Z). Step 1 (1 business day): Tue 3 Nov 17:00 MST = 4 Nov 00:00Z.
        // Step 1 completes Mon 10:00 MST (email + voicemail); step 2 (4 business days from Mon): Fri 6 Nov 17:00 MST = 7 Nov 00:00Z.
        var lead = new LeadSnapshotBuilder().WithMqlAt("2026-11-02T16:00:00Z").With("employees", 50.0).With("purchase_timeline", "now")
            .WithTouch("email", "2026-11-02T16:30:00Z")
            .WithTouch("voicemail", "2026-11-02T17:00:00Z")
            .Build();
        var result = LevelOfEffort.Value.Evaluate(lead, T("2026-11-03T12:00:00Z"));

        Assert.Equal(T("2026-11-04T00:00:00Z"), result.Milestone("cadence_step_1")!.Due);
        Assert.Equal(MilestoneStatus.Met, result.Milestone("cadence_step_1")!.Status);
        Assert.Equal(T("2026-11-02T17:00:00Z"), result.Milestone("cadence_step_1")!.MetAt);
        Assert.Equal(T("2026-11-07T00:00:00Z"), result.Milestone("cadence_step_2")!.Due);
        Assert.Null(result.Milestone("cadence_step_3")!.Due);
        Assert.Equal(MilestoneStatus.Pending, result.Milestone("cadence_step_3")!.Status);
        Assert.Equal(new NextTouch("cadence_step_2", "email", T("2026-11-07T00:00:00Z")), result.NextTouch);
    }

    [Fact]
    public void Evaluate_CadenceExhaustedWithoutDisposition_IsRecycleDue()
    {
        var lead = new LeadSnapshotBuilder().WithMqlAt("2026-11-02T16:00:00Z").With("employees", 50.0).With("purchase_timeline", "now")
            .WithTouch("email", "2026-11-02T16:30:00Z").WithTouch("voicemail", "2026-11-02T17:00:00Z")
            .WithTouch("email", "2026-11-04T16:30:00Z").WithTouch("voicemail", "2026-11-04T17:00:00Z")
            .WithTouch("voicemail", "2026-11-09T16:30:00Z").WithTouch("email", "2026-11-09T17:00:00Z")
            .Build();
        var result = LevelOfEffort.Value.Evaluate(lead, T("2026-11-10T12:00:00Z"));

        Assert.Equal(LeadStatus.RecycleDue, result.Status);
        Assert.StartsWith("trigger: ready to buy", result.Reason, StringComparison.Ordinal);
        Assert.Null(result.NextTouch);
    }

    [Fact]
    public void Evaluate_TouchBeforeSlaStart_DoesNotCount()
    {
        var lead = new LeadSnapshotBuilder().WithMqlAt("2026-11-20T15:30:00Z").With("purchase_timeline", "now").With("rank", 91.0)
            .WithTouch("call", "2026-11-20T15:00:00Z").Build();
        var result = Lattice.Value.Evaluate(lead, T("2026-11-20T16:00:00Z"));

        Assert.Null(result.Milestone("first_touch")!.MetAt);
    }
}
