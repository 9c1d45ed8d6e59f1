using System.Collections.Immutable;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>One step of an <see cref="LeadEvaluation"/>'s explanation: a rule tried, what it read and what it decided.</summary>
/// <param name="Stage"><c>exclusion</c>, <c>disposition</c>, <c>scoring</c>, <c>trigger</c>, <c>qualification</c>, <c>band</c>, <c>tier</c>, <c>routing</c>, <c>milestone</c>, <c>next_touch</c> or <c>escalation</c>.</param>
/// <param name="Rule">The rule or milestone name.</param>
/// <param name="Result">Whether the rule matched, where that applies.</param>
/// <param name="Detail">A human-readable explanation.</param>
/// <param name="Values">The attribute values the rule read.</param>
public sealed record TraceEntry(string Stage, string Rule, bool? Result, string Detail, ImmutableArray<KeyValuePair<string, LeadValue>> Values);
