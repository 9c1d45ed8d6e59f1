using System.Text;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;

namespace SlaEngine.Fuzz.Targets;

/// <summary>
/// Duration text (<c>4 business hours</c>). The contract: <c>Parse</c> and <c>TryParse</c> agree (a value or a
/// <see cref="FormatException"/>, nothing else); a parsed duration prints as text that parses back to it; a policy
/// accepts the text as a deadline exactly when <c>TryParse</c> does, with the same value, and otherwise reports an error
/// located at it; business-time math with it on every calendar moves forward (add) or back (subtract), and adding
/// business minutes or hours then measuring gives the duration back.
/// </summary>
public static class DurationTarget
{
    private const string Template = """
        policy: fuzz-duration
        version: 1
        calendars:
          desk:
            zone: America/New_York
            hours:
              mon-fri: [09:00-17:00]
        qualification:
          triggers:
            - { name: all, when: 'true', tier: std }
        routing:
          - { default: true, team: desk, calendar: desk }
        tiers:
          std:
            first_touch:
              channels: [call]
              within: |-
                {0}
        """;

    /// <summary>Below this amount no duration can take a 2026 start past 2499 (10,000 weeks of business days is year 2218).</summary>
    private const int SafeAmount = 10_000;

    public static void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var parsed = SlaDuration.TryParse(text, out var duration);
        try
        {
            var viaParse = SlaDuration.Parse(text);
            Contract.Assert(parsed && viaParse == duration, $"Parse gave {viaParse} where TryParse gave {parsed}/{duration}");
        }
        catch (FormatException)
        {
            Contract.Assert(!parsed, "Parse threw FormatException for a text TryParse accepts");
        }

        if (parsed)
        {
            Contract.Assert(duration.Amount is >= 0 and <= SlaDuration.MaxAmount, $"amount {duration.Amount} out of range");
            Contract.Assert(SlaDuration.TryParse(duration.ToString(), out var back) && back == duration, $"'{duration}' does not parse back to itself");
            Calendars(duration);
        }

        var oneLine = ConditionTarget.OneLine(text);
        var policy = ConditionTarget.Check(Template, oneLine, "duration.yaml", evaluate: false, atNode: true);
        var policyAccepts = policy.Success;
        var lineParses = SlaDuration.TryParse(oneLine.Trim(), out var lineDuration);
        Contract.Assert(policyAccepts == lineParses, $"the policy {(policyAccepts ? "accepts" : "rejects")} `within: {oneLine}` but SlaDuration.TryParse {(lineParses ? "accepts" : "rejects")} it: {string.Join("; ", policy.Diagnostics)}");
        if (policy.Policy is { } p)
        {
            Contract.Assert(p.Tiers[0].FirstTouch?.Within == lineDuration, $"the policy read {p.Tiers[0].FirstTouch?.Within}, TryParse {lineDuration}");
            var lead = new LeadSnapshot("fuzz") { MqlAt = Instant.FromUtc(2026, 11, 20, 15, 30) };
            var first = p.TryEvaluate(lead, FuzzInputs.At);
            var second = p.TryEvaluate(lead, FuzzInputs.At);
            if (first.TryGetValue(out var evaluation))
            {
                Contract.Deterministic(EvaluationJson.Serialize(evaluation), EvaluationJson.Serialize(second.Value), "the evaluation");
            }
            else
            {
                // Documented: a deadline past 2499, only reachable with a huge amount.
                Contract.Assert(first.Error!.Code == "SLA0707" && lineDuration.Amount >= SafeAmount && second.Error?.Code == "SLA0707", $"the lead could not be evaluated: {first.Error}");
            }
        }
    }

    private static void Calendars(SlaDuration duration)
    {
        var start = FuzzInputs.At;
        foreach (var calendar in FuzzInputs.Calendars)
        {
            try
            {
                var end = calendar.Add(start, duration);
                Contract.Assert(end >= start, $"{calendar.Name}: add {duration} went back: {end}");
                Contract.Assert(calendar.Add(start, duration) == end, $"{calendar.Name}: add {duration} is not deterministic");
                if (duration.IsBusiness && duration.IsFixedLength)
                {
                    Contract.Assert(calendar.Between(start, end) == duration.FixedLength, $"{calendar.Name}: between(t, add(t, {duration})) = {calendar.Between(start, end)}");
                }

                var before = calendar.Subtract(start, duration);
                if (duration.IsBusinessDays && duration.Amount == 0)
                {
                    // Documented: subtracting 0 business days is the next opening.
                    Contract.Assert(before == calendar.NextOpen(start), $"{calendar.Name}: subtract {duration} gave {before}, not next_open");
                }
                else
                {
                    Contract.Assert(before <= start, $"{calendar.Name}: subtract {duration} went forward: {before}");
                }

                if (duration.IsBusiness && duration.IsFixedLength)
                {
                    Contract.Assert(calendar.Between(before, start) == duration.FixedLength, $"{calendar.Name}: between(subtract(t, {duration}), t) = {calendar.Between(before, start)}");
                }
            }
            catch (ArgumentOutOfRangeException e) when (duration.Amount >= SafeAmount && e.ParamName == "instant")
            {
                // Documented: business-time arithmetic covers 1700 to 2499.
            }
        }
    }
}
