using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Evaluation;

namespace SlaEngine.Fuzz.Targets;

/// <summary>
/// Instant text (<c>2026-11-20T15:30:00Z</c>, an offset, fractions). The contract: <c>InstantText.TryParse</c>
/// accepts exactly what NodaTime's extended ISO patterns accept, with the same instant (its ASCII fast path must not
/// disagree), and its UTF-8 overload agrees with its string overload; <c>InstantText.Format</c> prints what NodaTime
/// prints and parses back to the same instant; as a lead's <c>mql_at</c> it reads to the same instant or fails with
/// SLA0703; the lead then evaluates under every sample policy, deterministically, failing (SLA0707) only for
/// instants outside the supported years.
/// </summary>
public static class InstantTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var parsed = InstantText.TryParse(text, out var instant);
        if (System.Text.Unicode.Utf8.IsValid(input))
        {
            var viaUtf8 = InstantText.TryParse(input, out var utf8Instant);
            Contract.Assert(viaUtf8 == parsed && (!parsed || utf8Instant == instant), $"the UTF-8 overload says {viaUtf8}/{utf8Instant}, the string overload {parsed}/{instant}");
        }

        var noda = OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset
            ? offset.Value.ToInstant()
            : InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc ? utc.Value : (Instant?)null;
        // NodaTime stops at a NUL; SlaEngine refuses such text.
        var expected = noda.HasValue && !text.Contains('\0', StringComparison.Ordinal);
        Contract.Assert(parsed == expected, $"InstantText.TryParse says {parsed}, NodaTime's patterns {noda}");
        if (parsed)
        {
            Contract.Assert(instant == noda, $"InstantText.TryParse read {instant}, NodaTime {noda}");
            var printed = InstantText.Format(instant);
            Contract.Assert(printed == InstantPattern.ExtendedIso.Format(instant), $"Format printed {printed}, NodaTime {InstantPattern.ExtendedIso.Format(instant)}");
            Contract.Assert(InstantText.TryParse(printed, out var back) && back == instant, $"'{printed}' does not parse back to {instant}");
        }

        var line = "{\"id\":\"fuzz\",\"mql_at\":" + JsonSerializer.Serialize(text) + ",\"attributes\":{\"rank\":91,\"purchase_timeline\":\"now\",\"employees\":250,\"pain_with_provider\":true}}";
        var read = LeadSnapshot.Parse(line);
        if (!parsed)
        {
            Contract.Assert(!read.Success && read.Error!.Code == "SLA0703" && read.LeadId == "fuzz", $"a lead with mql_at '{text}' read as {read.Error?.ToString() ?? "a lead"}");
            return;
        }

        Contract.Assert(read.Success && read.Value.MqlAt == instant, $"a lead with mql_at '{text}' read as {read.Error}");
        var year = instant.InUtc().Year;
        foreach (var policy in FuzzInputs.PolicyList)
        {
            var first = policy.TryEvaluate(read.Value, FuzzInputs.At);
            var second = policy.TryEvaluate(read.Value, FuzzInputs.At);
            if (first.TryGetValue(out var evaluation))
            {
                Contract.Deterministic(EvaluationJson.Serialize(evaluation, includeTrace: true), EvaluationJson.Serialize(second.Value, includeTrace: true), $"the evaluation under {policy.SourceName}");
            }
            else
            {
                Contract.Assert(first.Error!.Code == "SLA0707" && year is < 1701 or > 2498 && second.Error?.Code == "SLA0707", $"mql_at {text} under {policy.SourceName}: {first.Error}");
            }
        }
    }
}
