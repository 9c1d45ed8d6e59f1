using System.Text;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Fuzz.Targets;

/// <summary>
/// A policy file: YAML text to a compiled policy or located diagnostics. The contract: <c>TryLoad</c> never throws;
/// success exactly when no diagnostic is an error; every diagnostic has a documented code and lies inside the text;
/// loading twice gives the same diagnostics; a policy that loads evaluates the sample leads deterministically.
/// </summary>
public static class PolicyTarget
{
    private const string File = "fuzz.yaml";

    public static void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var result = PolicyLoader.TryLoad(text, File);
        var lines = new TextLines(text);
        Contract.Assert(result.Success == !result.Diagnostics.Any(d => d.IsError), $"Success is {result.Success} with {result.Errors.Length} error(s)");
        foreach (var d in result.Diagnostics)
        {
            Contract.Located(d, lines, File);
        }

        var again = PolicyLoader.TryLoad(text, File);
        Contract.Deterministic(Describe(result), Describe(again), "the load result");
        if (result.Policy is { } policy)
        {
            Contract.Assert(policy.Warnings.SequenceEqual(result.Diagnostics), "the policy's warnings are not the load's diagnostics");
            EvaluateSamples(policy, again.Policy!, HasHugeNumber(text));
        }
    }

    /// <summary>Evaluates the sample leads under two loads of the same text and compares the output JSON.</summary>
    /// <param name="first">The policy.</param>
    /// <param name="second">The same text loaded again.</param>
    /// <param name="mayLeaveYears">Whether the policy has durations long enough to take a 2026 deadline past 2499.</param>
    internal static void EvaluateSamples(SlaPolicy first, SlaPolicy second, bool mayLeaveYears)
    {
        foreach (var lead in FuzzInputs.Leads)
        {
            var a = Evaluate(first, lead, mayLeaveYears);
            var b = Evaluate(second, lead, mayLeaveYears);
            Contract.Deterministic(a, b, $"the evaluation of sample lead {lead.Id}");
        }
    }

    /// <summary>Evaluates with trace; the evaluation JSON or the lead's documented error, as text.</summary>
    internal static string Evaluate(SlaPolicy policy, LeadSnapshot lead, bool mayLeaveYears)
    {
        var result = policy.TryEvaluate(lead, FuzzInputs.At, EvaluationOptions.WithTrace);
        if (result.TryGetValue(out var evaluation))
        {
            return EvaluationJson.Serialize(evaluation, includeTrace: true);
        }

        var error = result.Error!;
        Contract.Documented(error.Code, error.Message);
        // A pinned tier or team the fuzzed policy lacks (SLA0705), or a deadline past 2499 from a huge duration (SLA0707).
        Contract.Assert(
            (error.Code == "SLA0705" && lead.Assigned is not null) || (error.Code == "SLA0707" && mayLeaveYears),
            $"sample lead {lead.Id} could not be evaluated: {error}");
        return "error: " + error;
    }

    /// <summary>Whether the text has a run of five or more digits: only then can a deadline from 2026 leave the supported years.</summary>
    internal static bool HasHugeNumber(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 5)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(PolicyLoadResult result) =>
        $"{result.Success} {result.Policy?.Id}@{result.Policy?.Version}\n{string.Join("\n", result.Diagnostics)}";
}
