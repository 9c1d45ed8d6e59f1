using System.Text;

namespace SlaEngine.Fuzz.Targets;

/// <summary>
/// A condition expression (there is no public condition API: conditions are read inside a policy). The input, on one
/// line, becomes the <c>when</c> of an exclusion in a policy without <c>fields</c> and of a trigger in a policy with
/// typed <c>fields</c>. The contract: the policy loads or every error lies on the condition's line, inside the
/// condition; codes are documented; loading twice gives the same diagnostics; a policy that loads evaluates the
/// sample leads deterministically.
/// </summary>
public static class ConditionTarget
{
    private const string File = "condition.yaml";

    private const string Untyped = """
        policy: fuzz-condition
        version: 1
        calendars:
          desk: { zone: America/New_York, hours: { mon-fri: [09:00-17:00] } }
        routing:
          - { default: true, team: desk, calendar: desk }
        tiers:
          std: { first_touch: { channels: [call], within: 2 business hours } }
        qualification:
          triggers:
            - { name: all, when: 'true', tier: std }
        exclusions:
          - name: fuzz
            when: |-
              {0}
        """;

    private const string Typed = """
        policy: fuzz-condition
        version: 1
        fields:
          employees: number
          rank: number
          purchase_timeline: { enum: [now, 1-6 months, 6-12 months, none] }
          pain_with_provider: bool
          email: string
          title: string
          country: string
        calendars:
          desk: { zone: America/New_York, hours: { mon-fri: [09:00-17:00] } }
        routing:
          - { default: true, team: desk, calendar: desk }
        tiers:
          std: { first_touch: { channels: [call], within: 2 business hours } }
        qualification:
          triggers:
            - name: fuzz
              tier: std
              when: |-
                {0}
        """;

    public static void Run(ReadOnlySpan<byte> input)
    {
        var condition = OneLine(Encoding.UTF8.GetString(input));
        Check(Untyped, condition);
        Check(Typed, condition);
    }

    /// <summary>Replaces every line break with a space: the condition stays on its line of the policy.</summary>
    internal static string OneLine(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>Loads <paramref name="template"/> with <paramref name="value"/> on its last line and checks that errors point into the value.</summary>
    /// <param name="template">The policy, with <c>{0}</c> on its last line.</param>
    /// <param name="value">The fuzzed value.</param>
    /// <param name="file">The source name.</param>
    /// <param name="evaluate">Whether to evaluate the sample leads under a policy that loads.</param>
    /// <param name="atNode">Whether errors may point at the value's node (for a block scalar, its `|-` on the key's line) rather than into the text, as for durations.</param>
    internal static PolicyLoadResult Check(string template, string value, string file = File, bool evaluate = true, bool atNode = false)
    {
        var text = template.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("{0}", value, StringComparison.Ordinal);
        var result = PolicyLoader.TryLoad(text, file);
        var lines = new TextLines(text);
        var valueLine = template.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Length;
        var indent = template.Split('\n')[^1].IndexOf('{', StringComparison.Ordinal);
        Contract.Assert(result.Success == !result.Diagnostics.Any(d => d.IsError), $"Success is {result.Success} with {result.Errors.Length} error(s)");
        foreach (var d in result.Diagnostics)
        {
            Contract.Located(d, lines, file);
            if (d.IsError)
            {
                // The `when:` key line is fair for an empty value; otherwise the error must point into the value.
                var onKey = (d.Line == valueLine - 1 && atNode) || ((d.Line == valueLine - 1 || d.Line == valueLine) && string.IsNullOrWhiteSpace(value));
                var inValue = d.Line == valueLine && d.Column >= indent + 1 && d.Column <= indent + value.Length + 1;
                Contract.Assert(onKey || inValue, $"an error outside the fuzzed value (line {valueLine}, columns {indent + 1}..{indent + value.Length + 1}): {d}");
            }
        }

        var again = PolicyLoader.TryLoad(text, file);
        Contract.Deterministic(string.Join("\n", result.Diagnostics), string.Join("\n", again.Diagnostics), "the diagnostics");
        if (evaluate && result.Policy is { } policy)
        {
            PolicyTarget.EvaluateSamples(policy, again.Policy!, mayLeaveYears: false);
        }

        return result;
    }
}
