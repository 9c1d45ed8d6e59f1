using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Evaluation;
using SlaEngine.Tests.Architecture;

namespace SlaEngine.Tests.Timeline;

/// <summary>docs/timeline.md: its worked example's table is the real output for the policy and lead on the page.</summary>
public sealed partial class TimelineDocTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(ArchitectureTests.RepositoryRoot(), "docs", "timeline.md"));

    [Fact]
    public void WorkedExample_TableIsTheRealOutput()
    {
        var (policy, lead) = Example();
        var at = lead.MqlAt!.Value;
        var timeline = policy.Timeline(lead, at);
        var zone = policy.Calendars[0].Zone;
        var pattern = LocalDateTimePattern.CreateWithInvariantCulture("ddd HH:mm:ss");
        var generated = timeline.Transitions
            .Select(t => $"| {EvaluationJson.FormatInstant(t.At)} | {pattern.Format(t.At.InZone(zone).LocalDateTime)} | {t.Subject}.{t.Field} | {t.FromJson} → {t.ToJson} |")
            .ToList();
        var documented = Section().Split('\n')
            .Where(l => l.StartsWith("| 20", StringComparison.Ordinal))
            .Select(l => string.Join("|", l.Split('|').Take(5)) + "|")
            .ToList();

        Assert.Equal(generated, documented);
        Assert.Contains($"`next_change_at` = {EvaluationJson.FormatInstant(timeline.NextChangeAt!.Value)}", Page, StringComparison.Ordinal);
        Assert.Equal(WorkedExample.PolicyYaml.ReplaceLineEndings("\n").Trim(), Block("yaml").Trim());
    }

    [Fact]
    public void WorkedExample_CallOnMondayMorning_AsThePageSays()
    {
        var (policy, lead) = Example();
        var called = lead with { Touches = [new LeadTouch("call", Instant.FromUtc(2026, 12, 7, 14, 10))] };
        var items = policy.Timeline(called, lead.MqlAt!.Value).Transitions
            .Select(t => $"{EvaluationJson.FormatInstant(t.At)} {t.Subject}.{t.Field} {t.ToJson}")
            .ToArray();
        Assert.Equal(
            [
                "2026-12-05T21:30:00Z escalation_1.fired true",
                "2026-12-06T21:30:00Z escalation_2.fired true",
                "2026-12-07T14:10:00Z first_touch.status \"met\"",
                "2026-12-07T14:10:00Z next_touch.next_touch null",
            ],
            items);
    }

    private static (SlaEngine.Policies.SlaPolicy Policy, LeadSnapshot Lead) Example()
    {
        var policy = PolicyLoader.Load(Block("yaml"), "inbound-demo.yaml");
        var read = LeadSnapshot.Parse(Block("json").Trim());
        Assert.True(read.Success, read.Error?.Message);
        return (policy, read.Value);
    }

    private static string Section()
    {
        var start = Page.IndexOf("<!-- worked-example:start -->", StringComparison.Ordinal);
        var end = Page.IndexOf("<!-- worked-example:end -->", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start);
        return Page[start..end];
    }

    /// <summary>The first fenced block of a language after the worked example's heading.</summary>
    private static string Block(string language)
    {
        var from = Page.IndexOf("## Worked example", StringComparison.Ordinal);
        var match = Fence().Matches(Page[from..]).First(m => m.Groups[1].Value == language);
        return match.Groups[2].Value;
    }

    [GeneratedRegex(@"```(\w+)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
