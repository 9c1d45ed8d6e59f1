using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Tests.Reporting;

/// <summary>A small policy and hand-made evaluations, so report figures can be computed by hand.</summary>
internal static class ReportTestData
{
    /// <summary>The report instant: Sunday 22 November 2026, 07:00 in New York.</summary>
    internal static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    /// <summary>Monday 16 November 2026, 10:00 in New York (EST, UTC-5): inside the 09:00-17:00 office hours.</summary>
    internal static readonly Instant Monday10 = Instant.FromUtc(2026, 11, 16, 15, 0);

    internal static readonly SlaPolicy Policy = PolicyLoader.Load("""
        policy: report-test
        version: 2
        calendars:
          office:
            zone: America/New_York
            hours:
              mon-fri: [09:00-17:00]
        routing:
          - { default: true, team: smb, calendar: office }
        tiers:
          gold:
            first_touch: { channels: [call], within: 2 business hours }
            effort: { call: 2 }
            complete_within: 5 business days
          silver:
            effort: { call: 1 }
            complete_within: 5 business days
        goals:
          first_touch_attainment: { min: 50% }
          mql_per_month: { min: 2 }
          median_speed_to_lead: { max: 1 business hour }
          p90_speed_to_lead: { max: 2 business hours }
          leakage: { max: 10% }
        """);

    internal static LeadEvaluation Lead(string id, LeadStatus status, string? tier, Instant? slaStart, params MilestoneResult[] milestones) => new()
    {
        Id = id,
        PolicyId = Policy.Id,
        PolicyVersion = Policy.Version,
        At = At,
        Status = status,
        Reason = "test",
        Tier = tier,
        Team = tier is null ? null : "smb",
        Calendar = tier is null ? null : "office",
        SlaStart = slaStart,
        Milestones = [.. milestones],
    };

    internal static MilestoneResult FirstTouch(MilestoneStatus status, Instant? metAt = null) =>
        new("first_touch", Monday10 + Duration.FromHours(2), status, metAt, Duration.Zero);

    internal static MilestoneResult Effort(Instant? due, MilestoneStatus status = MilestoneStatus.Pending) =>
        new("effort", due, status, null, Duration.Zero);

    internal static MilestoneResult Step(int number, Instant? due, MilestoneStatus status = MilestoneStatus.Pending) =>
        new("cadence_step_" + number, due, status, null, Duration.Zero);

    internal static ImmutableArray<LeadTouch> Touches(params Instant[] at) => [.. at.Select(t => new LeadTouch("call", t))];
}
