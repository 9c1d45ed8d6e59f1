using SlaEngine.Authoring;

namespace SlaEngine.Tests.Timeline;

/// <summary>Policy tests may state the expected next change and transitions.</summary>
public sealed class PolicyTestTransitionsTests
{
    private const string Policy = """
        policy: office
        version: 1
        calendars:
          office:
            zone: America/New_York
            hours: { mon-fri: [09:00-12:00, 13:00-17:00] }
        qualification:
          triggers:
            - { name: hot lead, when: 'hot', tier: gold }
        routing:
          - { default: true, team: sales, calendar: office }
        tiers:
          gold:
            first_touch: { channels: [call], within: 2 business hours, warn_before: 30 minutes }
            escalations:
              - { after: 24 hours, notify: [owner] }
        """;

    // Fri 20 Nov 2026 10:30 EST + 2 business hours = 13:30 EST (18:30Z); 30 business minutes are left from 12:00 EST
    // (17:00Z), when the lunch break starts: at risk from then.
    private static readonly string[] Transitions =
    [
        "{ at: 2026-11-20T17:00:00Z, subject: first_touch, field: status, from: pending, to: at_risk }",
        "{ at: 2026-11-20T13:30:01-05:00, subject: first_touch, field: status, from: at_risk, to: breached, key: 't1|office@1|first_touch|status|\"breached\"|2026-11-20T18:30:01Z' }",
        "{ at: 2026-11-21T15:30:00Z, subject: escalation_1, field: fired, from: false, to: true }",
    ];

    [Fact]
    public void Run_ExpectedTransitions_Pass()
    {
        var run = PolicyTests.Run(Tests("next_change_at: 2026-11-20T17:00:00Z", Transitions), "office.tests.yaml", Options());

        Assert.True(run.Runnable, string.Join("\n", run.Diagnostics));
        var test = Assert.Single(run.Tests);
        Assert.True(test.Passed, string.Join("\n", test.Mismatches));
    }

    [Fact]
    public void Run_WrongTransition_IsAMismatchAtItsLine()
    {
        var wrong = Transitions.Select(t => t.Replace("to: at_risk", "to: breached", StringComparison.Ordinal)).ToArray();
        var run = PolicyTests.Run(Tests("next_change_at: 2026-11-20T17:00:01Z", wrong), "office.tests.yaml", Options());

        var test = Assert.Single(run.Tests);
        Assert.False(test.Passed);
        Assert.Equal(["next_change_at", "transitions[0].to"], test.Mismatches.Select(m => m.Field));
        Assert.Equal(["2026-11-20T17:00:00Z", "at_risk"], test.Mismatches.Select(m => m.Actual));
    }

    [Fact]
    public void Run_TooFewTransitions_Fails()
    {
        var run = PolicyTests.Run(Tests("next_change_at: 2026-11-20T17:00:00Z", Transitions[..2]), "office.tests.yaml", Options());
        Assert.False(Assert.Single(run.Tests).Passed);
    }

    [Fact]
    public void Run_UnknownTransitionKey_IsALocatedError()
    {
        var run = PolicyTests.Run(Tests("next_change_at: 2026-11-20T17:00:00Z", ["{ at: 2026-11-20T18:00:00Z, subjects: first_touch }"]), "office.tests.yaml", Options());
        Assert.Contains(run.Tests.SelectMany(t => t.Errors).Concat(run.Diagnostics), d => d.ToString().Contains("SLA0902", StringComparison.Ordinal) && d.ToString().Contains("subjects", StringComparison.Ordinal));
    }

    private static string Tests(string next, string[] transitions) =>
        "policy: office.yaml\n"
        + "tests:\n"
        + "  - name: the first touch runs late\n"
        + "    at: 2026-11-20T16:00:00Z\n"
        + "    lead: { id: t1, mql_at: 2026-11-20T15:30:00Z, attributes: { hot: true } }\n"
        + "    expect:\n"
        + "      " + next + "\n"
        + "      transitions:\n"
        + string.Concat(transitions.Select(t => "        - " + t + "\n"));

    private static PolicyTestOptions Options() => new() { PolicyResolver = _ => PolicyLoader.TryLoad(Policy, "office.yaml") };
}
