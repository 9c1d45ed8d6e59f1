using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Evaluation;

namespace SlaEngine.Fuzz.Targets;

/// <summary>
/// Instant text (<c>2026-11-20T15:30:00Z</c>, an offset, fractions). The contract: <c>LeadJson.TryParseInstant</c>
/// accepts exactly what NodaTime's extended ISO patterns accept, with the same instant (its ASCII fast path must not
/// disagree); <c>FormatInstant</c> prints what NodaTime prints and parses back to the same instant; as a lead's
/// <c>mql_at</c> it reads to the same instant or fails with SLA0703; the lead then evaluates under every sample policy,
/// deterministically, failing only for instants outside the supported years.
/// </summary>
public static class InstantTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var parsed = LeadJson.TryParseInstant(text, out var instant);
        var noda = OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset
            ? offset.Value.ToInstant()
            : InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc ? utc.Value : (Instant?)null;
        Contract.Assert(parsed == noda.HasValue, $"TryParseInstant says {parsed}, NodaTime's patterns {noda}");
        if (parsed)
        {
            Contract.Assert(instant == noda, $"TryParseInstant read {instant}, NodaTime {noda}");
            var printed = EvaluationJson.FormatInstant(instant);
            Contract.Assert(printed == InstantPattern.ExtendedIso.Format(instant), $"FormatInstant printed {printed}, NodaTime {InstantPattern.ExtendedIso.Format(instant)}");
            Contract.Assert(LeadJson.TryParseInstant(printed, out var back) && back == instant, $"'{printed}' does not parse back to {instant}");
        }

        var line = "{\"id\":\"fuzz\",\"mql_at\":" + JsonSerializer.Serialize(text) + ",\"attributes\":{\"rank\":91,\"purchase_timeline\":\"now\",\"employees\":250,\"pain_with_provider\":true}}";
        var read = LeadJson.Read(line);
        if (!parsed)
        {
            Contract.Assert(!read.Success && read.ErrorCode == "SLA0703" && read.Id == "fuzz", $"a lead with mql_at '{text}' read as {read}");
            return;
        }

        Contract.Assert(read.Success && read.Lead.MqlAt == instant, $"a lead with mql_at '{text}' read as {read}");
        var year = instant.InUtc().Year;
        foreach (var policy in FuzzInputs.Policies.Values)
        {
            try
            {
                var first = EvaluationJson.Serialize(policy.Evaluate(read.Lead, FuzzInputs.At), includeTrace: true);
                var second = EvaluationJson.Serialize(policy.Evaluate(read.Lead, FuzzInputs.At), includeTrace: true);
                Contract.Deterministic(first, second, $"the evaluation under {policy.SourceName}");
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName == "instant" && year is < 1701 or > 2498)
            {
                // Documented: business-time arithmetic covers 1700 to 2499.
            }
        }
    }
}
