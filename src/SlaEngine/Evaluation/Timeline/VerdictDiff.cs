using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>
/// Compares the verdicts of two evaluations of one lead (status, tier, band, team, calendar; each milestone's due
/// and status; the next touch; each rung's fired) and lists the items that differ, in output order.
/// </summary>
internal static class VerdictDiff
{
    private const string Null = "null";
    private const string True = "true";
    private const string False = "false";

    /// <summary>
    /// Appends the items that differ between <paramref name="before"/> and <paramref name="after"/> as transitions at
    /// <paramref name="at"/> to <paramref name="sink"/> (when given); returns whether anything differs.
    /// </summary>
    internal static bool Append(LeadEvaluation before, LeadEvaluation after, Instant at, string keyPrefix, List<SlaTransition>? sink)
    {
        var writer = new ItemWriter(at, keyPrefix, sink);
        if (before.Status != after.Status && writer.Add("lead", "status", Quote(EvaluationJson.StatusText(before.Status)), Quote(EvaluationJson.StatusText(after.Status))))
        {
            return true;
        }

        if (!Same(before.Tier, after.Tier) && writer.Add("lead", "tier", Quote(before.Tier), Quote(after.Tier)))
        {
            return true;
        }

        if (!Same(before.Band, after.Band) && writer.Add("lead", "band", Quote(before.Band), Quote(after.Band)))
        {
            return true;
        }

        if (!Same(before.Team, after.Team) && writer.Add("lead", "team", Quote(before.Team), Quote(after.Team)))
        {
            return true;
        }

        if (!Same(before.Calendar, after.Calendar) && writer.Add("lead", "calendar", Quote(before.Calendar), Quote(after.Calendar)))
        {
            return true;
        }

        if (Milestones(before.Milestones, after.Milestones, ref writer))
        {
            return true;
        }

        if (!Same(before.NextTouch, after.NextTouch) && writer.Add("next_touch", "next_touch", NextTouchJson(before.NextTouch), NextTouchJson(after.NextTouch)))
        {
            return true;
        }

        var rungs = Math.Max(before.Escalations.Length, after.Escalations.Length);
        for (var i = 0; i < rungs; i++)
        {
            bool? a = i < before.Escalations.Length ? before.Escalations[i].Fired : null;
            bool? b = i < after.Escalations.Length ? after.Escalations[i].Fired : null;
            if (a != b && writer.Add("escalation_" + (i + 1).ToString(CultureInfo.InvariantCulture), "fired", Bool(a), Bool(b)))
            {
                return true;
            }
        }

        return writer.Changed;
    }

    /// <summary>A value as compact JSON: a string quoted with only the escapes JSON requires, or <c>null</c>.</summary>
    internal static string Quote(string? text)
    {
        if (text is null)
        {
            return Null;
        }

        foreach (var c in text)
        {
            if (c < 0x20 || c == '"' || c == '\\' || char.IsSurrogate(c) || c > 0x7E)
            {
                return "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";
            }
        }

        return string.Concat("\"", text, "\"");
    }

    /// <summary>An instant as compact JSON (a quoted UTC timestamp) or <c>null</c>.</summary>
    internal static string Quote(Instant? instant) => instant is { } value ? string.Concat("\"", EvaluationJson.FormatInstant(value), "\"") : Null;

    /// <summary>The next touch as compact JSON: <c>{"milestone":…,"channel":…,"due":…}</c> or <c>null</c>.</summary>
    internal static string NextTouchJson(NextTouch? next) => next is null
        ? Null
        : string.Concat("{\"milestone\":", Quote(next.Milestone), ",\"channel\":", Quote(next.Channel), ",\"due\":", Quote(next.Due), "}");

    private static string Bool(bool? value) => value is null ? Null : value.Value ? True : False;

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

    private static bool Same(NextTouch? a, NextTouch? b) =>
        a is null ? b is null : b is not null && a.Due == b.Due && Same(a.Milestone, b.Milestone) && Same(a.Channel, b.Channel);

    /// <summary>The position of a milestone in output order: first_touch, effort, cadence steps by number, disposition.</summary>
    private static int Rank(string name)
    {
        if (name == LeadEvaluator.FirstTouchName)
        {
            return 0;
        }

        if (name == LeadEvaluator.EffortName)
        {
            return 1;
        }

        if (name.StartsWith(LeadEvaluator.CadenceStepPrefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(LeadEvaluator.CadenceStepPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var step))
        {
            return 1 + step;
        }

        return int.MaxValue;
    }

    private static bool Milestones(ImmutableArray<MilestoneResult> before, ImmutableArray<MilestoneResult> after, ref ItemWriter writer)
    {
        int i = 0, j = 0;
        while (i < before.Length || j < after.Length)
        {
            MilestoneResult? a = null, b = null;
            if (i < before.Length && j < after.Length)
            {
                if (before[i].Name == after[j].Name)
                {
                    a = before[i++];
                    b = after[j++];
                }
                else if (Rank(before[i].Name) <= Rank(after[j].Name))
                {
                    a = before[i++];
                }
                else
                {
                    b = after[j++];
                }
            }
            else if (i < before.Length)
            {
                a = before[i++];
            }
            else
            {
                b = after[j++];
            }

            var name = (a ?? b)!.Name;
            if (a?.Due != b?.Due && writer.Add(name, "due", Quote(a?.Due), Quote(b?.Due)))
            {
                return true;
            }

            var sa = a is null ? null : EvaluationJson.StatusText(a.Status);
            var sb = b is null ? null : EvaluationJson.StatusText(b.Status);
            if (!Same(sa, sb) && writer.Add(name, "status", Quote(sa), Quote(sb)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Builds transitions into a sink; without a sink it only notes that something changed (and asks to stop).</summary>
    private struct ItemWriter
    {
        private readonly Instant _at;
        private readonly string _keyPrefix;
        private readonly List<SlaTransition>? _sink;
        private string? _atText;

        internal ItemWriter(Instant at, string keyPrefix, List<SlaTransition>? sink)
        {
            _at = at;
            _keyPrefix = keyPrefix;
            _sink = sink;
        }

        internal bool Changed { get; private set; }

        /// <summary>Records one item; returns true when the caller can stop (nobody wants the items).</summary>
        internal bool Add(string subject, string field, string from, string to)
        {
            Changed = true;
            if (_sink is null)
            {
                return true;
            }

            _atText ??= EvaluationJson.FormatInstant(_at);
            _sink.Add(new SlaTransition
            {
                At = _at,
                Subject = subject,
                Field = field,
                FromJson = from,
                ToJson = to,
                Key = string.Concat(_keyPrefix, subject, "|", field, "|", to, "|" + _atText),
            });
            return false;
        }
    }
}
