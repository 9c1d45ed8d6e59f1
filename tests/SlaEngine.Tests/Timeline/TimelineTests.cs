using System.Text.Json;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Tests.Cli;
using SlaEngine.Tests.Evaluation;

namespace SlaEngine.Tests.Timeline;

/// <summary>Hand-checked timelines, next_change_at on evaluations, keys and the timeline command.</summary>
public sealed class TimelineTests
{
    private static Instant T(string text) => LeadSnapshotBuilder.T(text);

    [Fact]
    public void Timeline_WorkedExample_ListsEveryChangeAtItsSecond()
    {
        // Friday 16:30 EST (21:30Z); 2 business hours: 16:30–17:00 and Monday 09:00–10:30, so due Monday 10:30 EST.
        var timeline = WorkedExample.Policy.Timeline(WorkedExample.Lead, WorkedExample.At);

        var items = timeline.Transitions.Select(t => $"{EvaluationJson.FormatInstant(t.At)} {t.Subject}.{t.Field} {t.FromJson}->{t.ToJson}").ToArray();
        Assert.Equal(
            [
                "2026-12-05T21:30:00Z escalation_1.fired false->true",      // 24 h elapsed
                "2026-12-06T21:30:00Z escalation_2.fired false->true",      // 48 h
                "2026-12-07T15:00:00Z first_touch.status \"pending\"->\"at_risk\"", // Monday 10:00 EST: 30 business minutes left
                "2026-12-07T15:30:01Z first_touch.status \"at_risk\"->\"breached\"", // the first second of business time after 10:30
                "2026-12-07T21:30:00Z escalation_3.fired false->true",      // 72 h
            ],
            items);
        Assert.Equal(T("2026-12-05T21:30:00Z"), timeline.NextChangeAt);
        Assert.Equal("L-42|inbound-demo@1|first_touch|status|\"breached\"|2026-12-07T15:30:01Z", timeline.Transitions[3].Key);
        Assert.Equal(WorkedExample.At + Duration.FromDays(366), timeline.Until);
    }

    [Fact]
    public void Evaluate_NextChangeAt_IsTheFirstTransitionAndIsWrittenAfterEscalations()
    {
        var evaluation = WorkedExample.Policy.Explain(WorkedExample.Lead, T("2026-12-07T14:00:00Z"));
        Assert.Equal(T("2026-12-07T15:00:00Z"), evaluation.NextChangeAt);

        var json = EvaluationJson.Serialize(evaluation);
        Assert.Contains("],\"next_change_at\":\"2026-12-07T15:00:00Z\"}", json, StringComparison.Ordinal);

        var without = WorkedExample.Policy.Evaluate(WorkedExample.Lead, T("2026-12-07T14:00:00Z"), new EvaluationOptions { IncludeNextChange = false });
        Assert.Null(without.NextChangeAt);
        Assert.Equal(evaluation.Status, without.Status);
    }

    [Fact]
    public void Evaluate_WithTrace_SaysWhereNextChangeComesFrom()
    {
        var evaluation = WorkedExample.Policy.Explain(WorkedExample.Lead, T("2026-12-07T14:00:00Z"));
        var entry = Assert.Single(evaluation.Trace, e => e.Stage == "next_change");
        Assert.Equal("first_touch", entry.Rule);
        Assert.Contains("first_touch.status \"pending\" -> \"at_risk\"", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("warn_before", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NothingAhead_NextChangeAtIsNull()
    {
        var breached = WorkedExample.Policy.Explain(WorkedExample.Lead, T("2026-12-08T00:00:00Z"));
        Assert.Null(breached.NextChangeAt);
        Assert.Contains(breached.Trace, e => e.Stage == "next_change" && e.Rule == "(none)");
    }

    [Fact]
    public void Timeline_FromAnyEarlierInstant_HasTheSameKeysForTheSameChanges()
    {
        var full = WorkedExample.Policy.Timeline(WorkedExample.Lead, WorkedExample.At);
        foreach (var later in new[] { "2026-12-05T00:00:00Z", "2026-12-06T21:29:59Z", "2026-12-07T15:00:00Z", "2026-12-07T15:30:00Z" })
        {
            var from = T(later);
            var tail = WorkedExample.Policy.Timeline(WorkedExample.Lead, from, full.Until);
            Assert.Equal(full.Transitions.Where(t => t.At > from).Select(t => t.Key), tail.Transitions.Select(t => t.Key));
        }
    }

    [Fact]
    public void Between_SlicesTheTransitionsOfASpan()
    {
        var timeline = WorkedExample.Policy.Timeline(WorkedExample.Lead, WorkedExample.At);
        var span = timeline.Between(T("2026-12-06T21:30:00Z"), T("2026-12-07T15:30:01Z"));
        Assert.Equal(["first_touch", "first_touch"], span.ToArray().Select(t => t.Subject));
        Assert.True(timeline.Between(T("2026-12-08T00:00:00Z"), T("2026-12-09T00:00:00Z")).IsEmpty);
    }

    [Fact]
    public void Timeline_TouchDatedLater_MakesTransitionsAtItsInstant()
    {
        var lead = WorkedExample.Lead with { Touches = [new LeadTouch("call", T("2026-12-07T14:10:00Z"))] };
        var timeline = WorkedExample.Policy.Timeline(lead, WorkedExample.At);
        var at = timeline.Transitions.Where(t => t.At == T("2026-12-07T14:10:00Z")).Select(t => $"{t.Subject}.{t.Field} {t.ToJson}").ToArray();
        Assert.Equal(["first_touch.status \"met\"", "next_touch.next_touch null"], at);
        Assert.DoesNotContain(timeline.Transitions, t => t.Subject == "escalation_3");
    }

    [Fact]
    public void Timeline_LeadWithoutMqlAt_StartsItsSlaAtTheTimelineStart()
    {
        var lead = WorkedExample.Lead with { MqlAt = null };
        var timeline = WorkedExample.Policy.Timeline(lead, WorkedExample.At);
        var withMql = WorkedExample.Policy.Timeline(WorkedExample.Lead, WorkedExample.At);
        Assert.Equal(withMql.Transitions.Select(t => t.Key), timeline.Transitions.Select(t => t.Key));
    }

    [Fact]
    public void Timeline_PercentageWarning_StartsWhenExactlyThatShareOfTheBudgetIsLeft()
    {
        // 70% of 190 business minutes is 133 minutes (0.7 × 190 is not exact in binary floating point).
        var policy = PolicyLoader.Load("""
            policy: pct
            version: 1
            calendars:
              always: { zone: UTC, hours: { mon-sun: [00:00-24:00] } }
            qualification: { triggers: [ { name: any, when: 'hot', tier: t } ] }
            routing: [ { default: true, team: a, calendar: always } ]
            tiers:
              t:
                first_touch: { channels: [call], within: 190 business minutes, warn_before: 70% }
            """);
        var lead = new LeadSnapshot("P-1") { MqlAt = T("2026-01-05T10:00:00Z"), Attributes = System.Collections.Immutable.ImmutableDictionary<string, SlaEngine.Conditions.LeadValue>.Empty.Add("hot", SlaEngine.Conditions.LeadValue.FromBoolean(true)) };

        var timeline = policy.Timeline(lead, T("2026-01-05T10:00:00Z"));

        Assert.Equal(["2026-01-05T10:57:00Z at_risk", "2026-01-05T13:10:01Z breached"], timeline.Transitions.Select(t => $"{EvaluationJson.FormatInstant(t.At)} {t.ToJson.Trim('"')}"));
        Assert.Equal(MilestoneStatus.AtRisk, policy.Evaluate(lead, T("2026-01-05T10:57:00Z")).Milestone("first_touch")!.Status);
        Assert.Equal(MilestoneStatus.Pending, policy.Evaluate(lead, T("2026-01-05T10:56:59Z")).Milestone("first_touch")!.Status);
    }

    [Fact]
    public void TryTimeline_UnknownPinnedTier_IsTheLeadsErrorValue()
    {
        var lead = WorkedExample.Lead with { Assigned = new LeadAssignment { Tier = "platinum", Team = null } };
        var result = WorkedExample.Policy.TryTimeline(lead, WorkedExample.At);
        Assert.False(result.Success);
        Assert.Equal(SlaEngine.Diagnostics.DiagnosticCodes.LeadUnknownAssignment, result.Error.Code);
        Assert.Equal("L-42", result.LeadId);
        Assert.Throws<InvalidLeadException>(() => WorkedExample.Policy.Timeline(lead, WorkedExample.At));
        Assert.True(WorkedExample.Policy.TryTimeline(WorkedExample.Lead, WorkedExample.At).TryGetValue(out var timeline));
        Assert.Equal(5, timeline.Transitions.Length);
    }

    [Fact]
    public void Timeline_UntilBeforeAt_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkedExample.Policy.Timeline(WorkedExample.Lead, WorkedExample.At, WorkedExample.At - Duration.FromSeconds(1)));
    }

    [Fact]
    public void Tool_Timeline_WritesOneLinePerLeadAndLocatedErrors()
    {
        var dir = Directory.CreateTempSubdirectory("timeline-");
        try
        {
            var policy = Path.Combine(dir.FullName, "p.yaml");
            File.WriteAllText(policy, WorkedExample.PolicyYaml);
            var leads = Path.Combine(dir.FullName, "leads.jsonl");
            File.WriteAllText(leads, WorkedExample.LeadJsonLine + "\n{\"id\":\"bad\",\"mql_at\":\"yesterday\"}\n" + WorkedExample.LeadJsonLine.Replace("L-42", "L-43", StringComparison.Ordinal) + "\n");

            var (code, stdout, stderr) = CliRunner.Run("timeline", "--policy", policy, "--at", "2026-12-04T21:30:00Z", "--until", "2026-12-07T15:00:00Z", "--leads", leads);

            Assert.True(code == 3, stderr);
            var lines = CliRunner.Lines(stdout);
            Assert.Equal(3, lines.Length);
            var first = JsonDocument.Parse(lines[0]).RootElement;
            Assert.Equal("2026-12-05T21:30:00Z", first.GetProperty("next_change_at").GetString());
            Assert.Equal(3, first.GetProperty("transitions").GetArrayLength());
            Assert.Equal(2, JsonDocument.Parse(lines[1]).RootElement.GetProperty("error").GetProperty("line").GetInt32());
            Assert.Equal("L-43", JsonDocument.Parse(lines[2]).RootElement.GetProperty("id").GetString());
            Assert.StartsWith("{\"id\":\"L-42\",\"next_change_at\":\"2026-12-05T21:30:00Z\",\"transitions\":[{\"at\":\"2026-12-05T21:30:00Z\",\"subject\":\"escalation_1\",\"field\":\"fired\",\"from\":false,\"to\":true,\"key\":\"L-42|inbound-demo@1|escalation_1|fired|true|2026-12-05T21:30:00Z\"}", lines[0], StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Tool_Evaluate_LinesCarryNextChangeAt()
    {
        var (code, stdout, _) = CliRunner.Run("evaluate", "--policy", CliRunner.RankBands, "--at", CliRunner.At, "--leads", CliRunner.SampleLeads);
        Assert.Equal(3, code);
        Assert.All(CliRunner.Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement).Where(e => !e.TryGetProperty("error", out _)),
            e => Assert.True(e.TryGetProperty("next_change_at", out _)));
    }
}
