using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Tests.Timeline;

/// <summary>The worked example of docs/timeline.md: a lead arriving Friday 16:30 in New York.</summary>
internal static class WorkedExample
{
    internal const string PolicyYaml = """
        policy: inbound-demo
        version: 1
        calendars:
          new-york:
            zone: America/New_York
            hours:
              mon-fri: [09:00-17:00]
        qualification:
          triggers:
            - { name: demo request, when: 'demo_requested' }
        routing:
          - { default: true, team: inside-sales, calendar: new-york }
        bands:
          by: score
          ranges:
            - { name: any, from: -1000, to: 1000, tier: inbound }
        tiers:
          inbound:
            first_touch: { channels: [call], within: 2 business hours, warn_before: 30 minutes }
            escalations:
              - { after: 24 hours, notify: [owner] }
              - { after: 48 hours, notify: [owner, manager] }
              - { after: 72 hours, notify: [executive] }
        """;

    internal const string LeadJsonLine = """{"id":"L-42","mql_at":"2026-12-04T21:30:00Z","attributes":{"demo_requested":true}}""";

    internal static readonly Instant At = Instant.FromUtc(2026, 12, 4, 21, 30);

    internal static SlaPolicy Policy { get; } = PolicyLoader.Load(PolicyYaml, "inbound-demo.yaml");

    internal static LeadSnapshot Lead { get; } = LeadSnapshot.Parse(LeadJsonLine).Value;
}
