using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Fuzz.Targets;

/// <summary>
/// A lead JSON line. The contract: reading never throws and gives a snapshot or a documented SLA07xx code with a
/// message (a column in it lies inside the line); reading twice gives the same answer; the fast reader agrees with
/// the complete reader (the same line with a root key escaped, which only the complete reader takes); a snapshot
/// evaluates under every sample policy, deterministically (the output JSON of two evaluations is identical), failing
/// only in the documented ways: a pinned tier or team the policy lacks, or an instant outside 1700–2499.
/// </summary>
public static partial class LeadTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var bytes = input.ToArray();
        var read = LeadJson.Read(bytes);
        Check(read, bytes.Length);
        var again = LeadJson.Read(bytes);
        Contract.Deterministic(Describe(read), Describe(again), "reading the lead");
        if (read.Success)
        {
            // Every sample policy with the trace; one of them (picked by the bytes) again, without the trace and
            // from the second read, so that each run checks determinism without paying for everything twice.
            var policies = FuzzInputs.PolicyList;
            var outcomes = policies.Select(p => Evaluate(p, read.Lead, EvaluationOptions.Default)).ToArray();
            var pick = (int)((uint)bytes.Length % (uint)policies.Count);
            Contract.Deterministic(outcomes[pick], Evaluate(policies[pick], again.Lead!, EvaluationOptions.Default), $"the evaluation under {policies[pick].SourceName}");
            var plain = Evaluate(policies[pick], read.Lead, EvaluationOptions.WithoutTrace);
            Contract.Assert(outcomes[pick].StartsWith(plain.TrimEnd('}'), StringComparison.Ordinal), $"the evaluation without the trace is not the one with it, less the trace:\n{plain}\n{outcomes[pick]}");
        }

        if (EscapeRootKeys(bytes) is { } escaped)
        {
            var complete = LeadJson.Read(escaped);
            Check(complete, escaped.Length);
            Contract.Assert(read.Success == complete.Success && read.ErrorCode == complete.ErrorCode,
                $"the fast reader and the complete reader disagree: {read.ErrorCode ?? "ok"} {read.ErrorMessage} / {complete.ErrorCode ?? "ok"} {complete.ErrorMessage}");
            if (read.Success)
            {
                var policy = FuzzInputs.PolicyList[bytes.Length % FuzzInputs.PolicyList.Count];
                Contract.Deterministic(Evaluate(policy, read.Lead, EvaluationOptions.Default), Evaluate(policy, complete.Lead!, EvaluationOptions.Default), "the fast reader's and the complete reader's lead");
            }
        }
    }

    private static string Describe(LeadReadResult read) => $"{read.Success} {read.Id} {read.ErrorCode} {read.ErrorMessage}";

    private static void Check(LeadReadResult read, int length)
    {
        if (read.Success)
        {
            Contract.Assert(read.Id == read.Lead.Id && read.Lead.Id is not null, "a snapshot without its id");
            return;
        }

        Contract.Documented(read.ErrorCode, read.ErrorMessage ?? string.Empty);
        Contract.Assert(read.ErrorCode!.StartsWith("SLA07", StringComparison.Ordinal), $"a lead error outside SLA07xx: {read.ErrorCode}");
        Contract.Assert(!string.IsNullOrWhiteSpace(read.ErrorMessage), "a lead error without a message");
        foreach (Match m in ColumnPattern().Matches(read.ErrorMessage!))
        {
            var column = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            Contract.Assert(column >= 1 && column <= length + 1, $"column {column} outside a line of {length} bytes: {read.ErrorMessage}");
        }
    }

    /// <summary>Evaluates and serializes; the documented exceptions become text, anything else escapes (a finding).</summary>
    internal static string Evaluate(SlaPolicy policy, LeadSnapshot lead, EvaluationOptions options)
    {
        try
        {
            return EvaluationJson.Serialize(policy.Evaluate(lead, FuzzInputs.At, options), options.IncludeTrace);
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "instant" && LeavesYears(lead))
        {
            return "out of range: " + e.Message;
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException && e.ParamName == "lead" && lead.Assigned is not null)
        {
            return "pinned: " + e.Message;
        }
    }

    /// <summary>Whether any instant of the lead is outside 1701–2498 (so a deadline may leave the calendar's years).</summary>
    internal static bool LeavesYears(LeadSnapshot lead)
    {
        IEnumerable<Instant> instants = [
            .. lead.MqlAt is { } m ? [m] : Array.Empty<Instant>(),
            .. lead.Events.Select(e => e.At),
            .. lead.Touches.Select(t => t.At),
            .. lead.Paused.Intervals.SelectMany(i => new[] { i.HasStart ? i.Start : Instant.MinValue, i.HasEnd ? i.End : Instant.MaxValue }),
            .. lead.Disposition is { } d ? [d.At] : Array.Empty<Instant>(),
        ];
        return instants.Any(i => i < Instant.FromUtc(1701, 1, 1, 0, 0) || i >= Instant.FromUtc(2499, 1, 1, 0, 0));
    }

    /// <summary>
    /// The same JSON with the first character of every root key written as a \u escape, or null when the line is not a
    /// JSON object. The fast reader leaves escaped root keys to the complete reader, so this reads the same lead there.
    /// </summary>
    internal static byte[]? EscapeRootKeys(byte[] bytes)
    {
        var splices = new List<int>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var first = (int)reader.TokenStartIndex + 1;
                    if (first < bytes.Length && bytes[first] is >= 0x20 and < 0x80 and not (byte)'\\' and not (byte)'"')
                    {
                        splices.Add(first);
                    }
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        if (splices.Count == 0)
        {
            return null;
        }

        var output = new List<byte>(bytes.Length + (splices.Count * 5));
        var next = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (next < splices.Count && splices[next] == i)
            {
                output.AddRange(Encoding.ASCII.GetBytes($"\\u{bytes[i]:x4}"));
                next++;
            }
            else
            {
                output.Add(bytes[i]);
            }
        }

        return [.. output];
    }

    [GeneratedRegex("at column ([0-9]+)")]
    private static partial Regex ColumnPattern();
}
