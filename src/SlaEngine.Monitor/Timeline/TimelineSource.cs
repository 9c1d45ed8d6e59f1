using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Monitor.Timeline;

/// <summary>
/// The seam between the monitor and the library's timeline: every transition of a lead in <c>(at, until]</c>.
/// </summary>
internal static class TimelineSource
{
    /// <summary>Computes the transitions of <paramref name="lead"/> in <c>(at, until]</c>.</summary>
    internal static TimelineResult Compute(SlaPolicy policy, LeadSnapshot lead, Instant at, Instant until)
    {
        // Provisional: verdicts compared at candidate instants, until the library's timeline is on main.
        var candidates = new SortedSet<Instant>();
        var first = policy.Evaluate(lead, at, EvaluationOptions.WithoutTrace);
        var last = policy.Evaluate(lead, until, EvaluationOptions.WithoutTrace);
        Collect(first, lead, candidates);
        Collect(last, lead, candidates);
        foreach (var c in candidates.Where(c => c > at && c <= until).ToList())
        {
            Collect(policy.Evaluate(lead, c, EvaluationOptions.WithoutTrace), lead, candidates);
        }

        var items = ImmutableArray.CreateBuilder<TimelineItem>();
        foreach (var t in candidates)
        {
            if (t <= at || t > until)
            {
                continue;
            }

            var before = Verdict(policy.Evaluate(lead, t - Duration.FromSeconds(1), EvaluationOptions.WithoutTrace));
            var after = Verdict(policy.Evaluate(lead, t, EvaluationOptions.WithoutTrace));
            foreach (var (subject, field, to) in after)
            {
                var from = before.FirstOrDefault(b => b.Subject == subject && b.Field == field).Json ?? "null";
                if (from != to)
                {
                    items.Add(new TimelineItem(t, subject, field, from, to, Key(lead.Id, policy, subject, field, to, t)));
                }
            }

            foreach (var (subject, field, from) in before)
            {
                if (!after.Any(a => a.Subject == subject && a.Field == field) && from != "null")
                {
                    items.Add(new TimelineItem(t, subject, field, from, "null", Key(lead.Id, policy, subject, field, "null", t)));
                }
            }
        }

        var result = items.ToImmutable();
        return new TimelineResult(result.IsEmpty ? null : result[0].At, result);
    }

    private static string Key(string id, SlaPolicy policy, string subject, string field, string to, Instant at) =>
        $"{id}|{policy.Id}@{policy.Version}|{subject}|{field}|{to}|{MonitorJson.FormatInstant(at)}";

    private static void Collect(LeadEvaluation evaluation, LeadSnapshot lead, SortedSet<Instant> candidates)
    {
        void Add(Instant? instant)
        {
            if (instant is { } i)
            {
                var whole = Instant.FromUnixTimeSeconds(i.ToUnixTimeSeconds());
                if (whole < i)
                {
                    whole += Duration.FromSeconds(1);
                }

                candidates.Add(whole);
                candidates.Add(whole + Duration.FromSeconds(1));
            }
        }

        foreach (var m in evaluation.Milestones)
        {
            Add(m.Due);
        }

        foreach (var r in evaluation.Escalations)
        {
            Add(r.At);
        }

        Add(evaluation.NextTouch?.Due);
        foreach (var touch in lead.Touches)
        {
            Add(touch.At);
        }

        foreach (var e in lead.Events)
        {
            Add(e.At);
        }

        Add(lead.Disposition?.At);
    }

    private static List<(string Subject, string Field, string Json)> Verdict(LeadEvaluation e)
    {
        var items = new List<(string, string, string)>
        {
            ("lead", "status", Json(EvaluationJson.StatusText(e.Status))),
            ("lead", "tier", Json(e.Tier)),
            ("lead", "band", Json(e.Band)),
            ("lead", "team", Json(e.Team)),
            ("lead", "calendar", Json(e.Calendar)),
        };
        foreach (var m in e.Milestones)
        {
            items.Add((m.Name, "due", m.Due is { } due ? Json(MonitorJson.FormatInstant(due)) : "null"));
            items.Add((m.Name, "status", Json(EvaluationJson.StatusText(m.Status))));
        }

        items.Add(("next_touch", "next_touch", e.NextTouch is { } n
            ? $"{{\"milestone\":{Json(n.Milestone)},\"channel\":{Json(n.Channel)},\"due\":\"{MonitorJson.FormatInstant(n.Due)}\"}}"
            : "null"));
        for (var i = 0; i < e.Escalations.Length; i++)
        {
            items.Add(($"escalation_{i + 1}", "fired", e.Escalations[i].Fired ? "true" : "false"));
        }

        return items;
    }

    private static string Json(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, MonitorJson.WriterOptions))
        {
            writer.WriteStringValue(text);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
