namespace SlaEngine.Monitor.Tests.Infrastructure;

/// <summary>Policies of the monitor tests: clocks that run around the clock in UTC, so instants are easy to check.</summary>
internal static class TestPolicies
{
    /// <summary>4 hours to call, 2 calls within 3 days, rungs at 8 and 24 hours.</summary>
    internal static string Standard(int version = 1, string id = "monitor-test", string firstRung = "8 hours") => $$"""
        policy: {{id}}
        version: {{version}}
        calendars:
          always:
            zone: UTC
            hours:
              mon-sun: [00:00-24:00]
        qualification:
          score_threshold: 0
        bands:
          by: score
          ranges:
            - { name: all, from: -1000, to: 1000, tier: standard }
        routing:
          - { default: true, team: sales, calendar: always }
        tiers:
          standard:
            first_touch: { channels: [call], within: 4 hours }
            effort: { call: 2 }
            complete_within: 3 days
            escalations:
              - { after: {{firstRung}}, notify: [owner] }
              - { after: 24 hours, notify: [manager] }
        """;

    /// <summary>Tiers by rank: A (1 hour to call) and B (8 hours).</summary>
    internal static string Ranked(int version = 1) => $$"""
        policy: ranked
        version: {{version}}
        calendars:
          always:
            zone: UTC
            hours:
              mon-sun: [00:00-24:00]
        fields:
          rank: number
        qualification:
          score_threshold: 0
        bands:
          by: rank
          ranges:
            - { name: A, from: 80, to: 100, tier: fast }
            - { name: B, from: 0, to: 79, tier: slow }
        routing:
          - { default: true, team: sales, calendar: always }
        tiers:
          fast:
            first_touch: { channels: [call], within: {{(version == 1 ? "1 hour" : "2 hours")}} }
          slow:
            first_touch: { channels: [call], within: 8 hours }
        """;
}
