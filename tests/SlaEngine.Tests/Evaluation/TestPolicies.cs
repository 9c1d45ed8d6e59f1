using SlaEngine.Policies;

namespace SlaEngine.Tests.Evaluation;

/// <summary>Policies whose every deadline in the tests was computed by hand.</summary>
internal static class TestPolicies
{
    /// <summary>New York, Mon–Fri 09:00–17:00, Memorial Day; one tier with first touch, effort, disposition and a 24/48/72 h ladder.</summary>
    internal const string HandCheckedYaml = """
        policy: hand-checked
        version: 1
        calendars:
          ny:
            zone: America/New_York
            hours:
              mon-fri: [09:00-17:00]
            holidays:
              - { name: Memorial Day, rule: last mon of may }
        fields:
          employees: number
          rank: number
        qualification:
          score_threshold: 0
        bands:
          by: score
          ranges:
            - { name: all, from: -1000, to: 1000, tier: gold }
        routing:
          - { default: true, team: inside, calendar: ny }
        tiers:
          gold:
            first_touch: { channels: [call], within: 4 business hours, warn_before: 1 hour }
            effort: { call: 2, email: 1 }
            complete_within: 3 business days
            disposition_within: 7 days
            escalations:
              - { after: 24 hours, notify: [owner] }
              - { after: 48 hours, notify: [owner, manager] }
              - { after: 72 hours, notify: [executive] }
          silver:
            first_touch: { channels: [call], within: 8 business hours }
        """;

    private static readonly Lazy<SlaPolicy> HandCheckedPolicy = new(() => PolicyLoader.Load(HandCheckedYaml, "hand-checked.yaml"));

    internal static SlaPolicy HandChecked => HandCheckedPolicy.Value;

    internal static SlaPolicy Sample(string name) => PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "policies", name));

    internal static SlaPolicy Conformance(string name) => PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "evaluation", name));
}
