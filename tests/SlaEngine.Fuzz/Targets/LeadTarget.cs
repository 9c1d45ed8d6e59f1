using System.Text;
using System.Text.Json;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Fuzz.Targets;

/// <summary>
/// A lead JSON line, read with <c>LeadSnapshot.Parse</c> and evaluated with <c>TryEvaluate</c>, with and without
/// strict mode. The contract: reading never throws and gives a snapshot or a documented SLA07xx error whose column lies
/// inside the line; reading twice, and reading the same text as a string, give the same answer; the same line with its
/// root keys written as <c>\u</c> escapes reads to the same lead; a snapshot evaluates under every sample policy
/// without an exception, to an evaluation or a documented SLA07xx error, deterministically; strict mode either gives
/// the same evaluation or fails with a code that is a warning of the non-strict evaluation.
/// </summary>
public static class LeadTarget
{
    private static readonly EvaluationOptions Strict = new() { Strict = true, IncludeTrace = true };

    public static void Run(ReadOnlySpan<byte> input)
    {
        var bytes = input.ToArray();
        var read = LeadSnapshot.Parse(bytes);
        Check(read, bytes.Length);
        Contract.Deterministic(Describe(read), Describe(LeadSnapshot.Parse(bytes)), "reading the lead");
        if (System.Text.Unicode.Utf8.IsValid(bytes) && bytes.Length <= LeadSnapshot.MaxJsonBytes / 4)
        {
            var viaString = LeadSnapshot.Parse(Encoding.UTF8.GetString(bytes));
            Contract.Assert(viaString.Success == read.Success && viaString.Error?.Code == read.Error?.Code, $"Parse(string) says {viaString.Error?.ToString() ?? "ok"}, Parse(bytes) {read.Error?.ToString() ?? "ok"}");
        }

        if (read.TryGetValue(out var lead))
        {
            // Every sample policy, loose and strict, with the trace; one of them (picked by the bytes) again and
            // without the trace, so that each run checks determinism without paying for everything twice.
            var policies = FuzzInputs.PolicyList;
            var pick = (int)((uint)bytes.Length % (uint)policies.Count);
            for (var i = 0; i < policies.Count; i++)
            {
                var loose = policies[i].TryEvaluate(lead, FuzzInputs.At, EvaluationOptions.WithTrace);
                var strict = policies[i].TryEvaluate(lead, FuzzInputs.At, Strict);
                var looseText = Text(loose);
                CheckStrict(loose, looseText, strict, policies[i]);
                if (i == pick)
                {
                    Contract.Deterministic(looseText, Text(policies[i].TryEvaluate(lead, FuzzInputs.At, EvaluationOptions.WithTrace)), $"the evaluation under {policies[i].SourceName}");
                    var plain = Text(policies[i].TryEvaluate(lead, FuzzInputs.At, EvaluationOptions.WithoutTrace), includeTrace: false);
                    Contract.Assert(looseText.StartsWith(plain.TrimEnd('}'), StringComparison.Ordinal), $"the evaluation without the trace is not the one with it, less the trace:\n{plain}\n{looseText}");
                }
            }
        }

        if (EscapeRootKeys(bytes) is { } escaped)
        {
            var other = LeadSnapshot.Parse(escaped);
            Check(other, escaped.Length);
            Contract.Assert(read.Success == other.Success && read.Error?.Code == other.Error?.Code,
                $"escaping a root key changed the answer: {read.Error?.ToString() ?? "ok"} / {other.Error?.ToString() ?? "ok"}");
            if (read.Success)
            {
                var policy = FuzzInputs.PolicyList[bytes.Length % FuzzInputs.PolicyList.Count];
                Contract.Deterministic(Text(policy.TryEvaluate(read.Value, FuzzInputs.At)), Text(policy.TryEvaluate(other.Value, FuzzInputs.At)), "the lead read with escaped keys");
            }
        }
    }

    private static void Check(LeadParseResult read, int length)
    {
        if (read.TryGetValue(out var lead))
        {
            Contract.Assert(lead.Id is not null && read.Error is null, "a snapshot without its id, or with an error");
            return;
        }

        var error = read.Error;
        Contract.Assert(error is not null, "neither a snapshot nor an error");
        Contract.Documented(error.Code, error.Message);
        Contract.Assert(error.Code.StartsWith("SLA07", StringComparison.Ordinal), $"a lead error outside SLA07xx: {error}");
        Contract.Assert(!string.IsNullOrWhiteSpace(error.Message), "a lead error without a message");
        Contract.Assert(error.Column is null || (error.Column >= 1 && error.Column <= length + 1), $"column {error.Column} outside a line of {length} bytes: {error}");
    }

    /// <summary>Strict succeeds exactly like loose, or fails with the code of one of loose's data warnings.</summary>
    private static void CheckStrict(LeadEvaluationResult loose, string looseText, LeadEvaluationResult strict, SlaPolicy policy)
    {
        if (strict.TryGetValue(out _))
        {
            Contract.Assert(loose.Success, $"strict evaluates under {policy.SourceName} but loose fails: {loose.Error}");
            Contract.Deterministic(looseText, Text(strict), $"strict and loose evaluation without data warnings under {policy.SourceName}");
            return;
        }

        // Strict checks the data first: when loose fails too (say, a deadline past 2499), strict may report the data.
        var code = strict.Error!.Code;
        Contract.Assert(
            loose.TryGetValue(out var evaluation) ? evaluation.Warnings.Any(w => w.Code == code) : loose.Error!.Code == code || code is "SLA0710" or "SLA0711" or "SLA0712",
            $"strict fails with {strict.Error} under {policy.SourceName}; loose gives {(loose.Success ? "warnings " + string.Join(", ", loose.Value.Warnings) : loose.Error)}");
    }

    /// <summary>The evaluation JSON, or the documented error, as text; anything else is a finding.</summary>
    private static string Text(LeadEvaluationResult result, bool includeTrace = true)
    {
        if (result.TryGetValue(out var evaluation))
        {
            return EvaluationJson.Serialize(evaluation, includeTrace);
        }

        var error = result.Error!;
        Contract.Documented(error.Code, error.Message);
        Contract.Assert(error.Code.StartsWith("SLA07", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(error.Message), $"an evaluation error outside SLA07xx: {error}");
        return "error " + error;
    }

    private static string Describe(LeadParseResult read) =>
        $"{read.Success} {read.LeadId} {read.Error?.Code} {read.Error?.Message} {read.Error?.Path} {read.Error?.ByteOffset}";

    /// <summary>
    /// The same JSON with the first character of every root key written as a \u escape, or null when the line is not a
    /// JSON object: a different spelling of the same lead.
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
}
