using System.Globalization;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Tests.Timeline;

/// <summary>
/// The slow, obviously-correct reference: the verdict evaluated at every whole minute, and at every second of each
/// minute whose two ends differ. It shares nothing with the engine's timeline but the evaluation itself.
/// </summary>
internal static class BruteForceTimeline
{
    private static readonly EvaluationOptions Plain = new() { IncludeTrace = false, IncludeNextChange = false };

    /// <summary>The verdict items of an evaluation, "subject|field" → compact JSON, in output order.</summary>
    internal static List<KeyValuePair<string, string>> Verdict(LeadEvaluation e)
    {
        var items = new List<KeyValuePair<string, string>>
        {
            new("lead|status", Q(EvaluationJson.StatusText(e.Status))),
            new("lead|tier", Q(e.Tier)),
            new("lead|band", Q(e.Band)),
            new("lead|team", Q(e.Team)),
            new("lead|calendar", Q(e.Calendar)),
        };
        foreach (var m in e.Milestones)
        {
            items.Add(new(m.Name + "|due", m.Due is { } d ? Q(EvaluationJson.FormatInstant(d)) : "null"));
            items.Add(new(m.Name + "|status", Q(EvaluationJson.StatusText(m.Status))));
        }

        items.Add(new("next_touch|next_touch", e.NextTouch is { } n
            ? $"{{\"milestone\":{Q(n.Milestone)},\"channel\":{Q(n.Channel)},\"due\":{Q(EvaluationJson.FormatInstant(n.Due))}}}"
            : "null"));
        for (var i = 0; i < e.Escalations.Length; i++)
        {
            items.Add(new($"escalation_{(i + 1).ToString(CultureInfo.InvariantCulture)}|fired", e.Escalations[i].Fired ? "true" : "false"));
        }

        return items;
    }

    internal static List<KeyValuePair<string, string>> VerdictAt(SlaPolicy policy, LeadSnapshot lead, Instant at) => Verdict(policy.Evaluate(lead, at, Plain));

    /// <summary>The items that differ between two verdicts, as "subject|field|from|to", sorted.</summary>
    internal static List<string> Differences(List<KeyValuePair<string, string>> before, List<KeyValuePair<string, string>> after)
    {
        var a = before.ToDictionary(p => p.Key, p => p.Value);
        var b = after.ToDictionary(p => p.Key, p => p.Value);
        var differences = new List<string>();
        foreach (var key in a.Keys.Union(b.Keys))
        {
            var from = a.GetValueOrDefault(key, "null");
            var to = b.GetValueOrDefault(key, "null");
            if (from != to)
            {
                differences.Add($"{key}|{from}|{to}");
            }
        }

        differences.Sort(StringComparer.Ordinal);
        return differences;
    }

    internal static bool Same(List<KeyValuePair<string, string>> a, List<KeyValuePair<string, string>> b) => Differences(a, b).Count == 0;

    /// <summary>
    /// Every transition in (at, until] as "T subject|field|from|to", in time order (sorted within an instant): the
    /// verdict sampled at every whole minute, one second after it, and one second before each instant of the lead
    /// (event, touch, disposition); every second between two samples that differ is then evaluated.
    /// </summary>
    internal static List<string> Transitions(SlaPolicy policy, LeadSnapshot lead, Instant at, Instant until)
    {
        var lead2 = lead.MqlAt is null ? lead with { MqlAt = at } : lead;
        var second = Duration.FromSeconds(1);
        var samples = new SortedSet<Instant> { until };
        for (var m = Instant.FromUnixTimeSeconds((at.ToUnixTimeSeconds() / 60 * 60) + 60); m <= until; m += Duration.FromMinutes(1))
        {
            samples.Add(m);
            samples.Add(m + second);
        }

        foreach (var instant in lead.Events.Select(e => e.At).Concat(lead.Touches.Select(t => t.At)).Concat(lead.Disposition is { } d ? [d.At] : []))
        {
            samples.Add(instant - second);
        }

        var result = new List<string>();
        var previousInstant = at;
        var previous = VerdictAt(policy, lead2, at);
        foreach (var next in samples.Where(s => s > at && s <= until))
        {
            var current = VerdictAt(policy, lead2, next);
            if (!Same(previous, current))
            {
                var before = previous;
                for (var s = Instant.FromUnixTimeSeconds(previousInstant.ToUnixTimeSeconds()) + second; s <= next; s += second)
                {
                    var v = s == next ? current : VerdictAt(policy, lead2, s);
                    foreach (var difference in Differences(before, v))
                    {
                        result.Add(EvaluationJson.FormatInstant(s) + " " + difference);
                    }

                    before = v;
                }
            }

            previous = current;
            previousInstant = next;
        }

        return result;
    }

    /// <summary>An engine timeline in the same text form.</summary>
    internal static List<string> Text(LeadTimeline timeline) =>
        timeline.Transitions
            .GroupBy(t => t.At)
            .SelectMany(g => g.Select(t => $"{EvaluationJson.FormatInstant(t.At)} {t.Subject}|{t.Field}|{t.FromJson}|{t.ToJson}").Order(StringComparer.Ordinal))
            .ToList();

    private static string Q(string? text) => text is null ? "null" : "\"" + text + "\"";
}
