using System.Collections.Immutable;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>One step of an <see cref="LeadEvaluation"/>'s explanation: a rule tried, what it read and what it decided.</summary>
public sealed record TraceEntry
{
    internal TraceEntry(string stage, string rule, bool? result, string detail, ImmutableArray<KeyValuePair<string, LeadValue>> values)
    {
        Stage = stage;
        Rule = rule;
        Result = result;
        Detail = detail;
        Values = values;
    }

    /// <summary><c>exclusion</c>, <c>disposition</c>, <c>scoring</c>, <c>trigger</c>, <c>qualification</c>, <c>band</c>, <c>tier</c>, <c>routing</c>, <c>milestone</c>, <c>next_touch</c> or <c>escalation</c>.</summary>
    public string Stage { get; init; }

    /// <summary>Gets the rule or milestone name.</summary>
    public string Rule { get; init; }

    /// <summary>Whether the rule matched, where that applies.</summary>
    public bool? Result { get; init; }

    /// <summary>Gets a human-readable explanation.</summary>
    public string Detail { get; init; }

    /// <summary>Gets the attribute values the rule read.</summary>
    public ImmutableArray<KeyValuePair<string, LeadValue>> Values { get; init; }
}
