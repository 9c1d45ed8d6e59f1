using System.Collections.Immutable;

namespace SlaEngine.Conditions;

/// <summary>
/// A compiled condition: parsed, checked and turned into closures once, then evaluated cheaply per lead.
/// Immutable and thread-safe. Created by <see cref="ConditionCompiler.Compile"/>.
/// </summary>
internal sealed class Condition
{
    private readonly Func<IConditionScope, bool> _predicate;

    /// <summary>Initializes a new instance of the <see cref="Condition"/> class.</summary>
    /// <param name="text">The source text.</param>
    /// <param name="root">The checked tree.</param>
    /// <param name="slots">The policy's attribute slots (attributes are read by slot), or null to read them by name.</param>
    internal Condition(string text, ConditionNode root, AttributeSlots? slots = null)
    {
        Text = text;
        WhenClause = "when " + text;
        Root = root;
        _predicate = ConditionEmitter.EmitCondition(root, slots);

        var identifiers = new List<string>();
        var eventTypes = new List<string>();
        var usesScore = false;
        var usesDaysSince = false;
        Collect(root, identifiers, eventTypes, ref usesScore, ref usesDaysSince);
        Identifiers = identifiers.ToImmutableArray();
        EventTypes = eventTypes.ToImmutableArray();
        UsesScore = usesScore;
        UsesDaysSince = usesDaysSince;
    }

    /// <summary>Gets the source text.</summary>
    public string Text { get; }

    /// <summary>Gets <c>when TEXT</c>, as the explanation trace writes it (computed once).</summary>
    public string WhenClause { get; }

    /// <summary>
    /// Gets the distinct lead attribute names the condition reads, in first-use order, for the explanation trace.
    /// Includes the arguments of <c>exists</c> and <c>days_since</c>; never <c>score</c>.
    /// </summary>
    public ImmutableArray<string> Identifiers { get; }

    /// <summary>Gets the distinct event types the condition reads (<c>count</c> and <c>days_since</c>), in first-use order.</summary>
    public ImmutableArray<string> EventTypes { get; }

    /// <summary>Gets a value indicating whether the condition reads <c>score</c>.</summary>
    public bool UsesScore { get; }

    /// <summary>
    /// Gets a value indicating whether the condition calls <c>days_since</c>, the one value that moves with the
    /// evaluation instant alone: without it, the condition changes only when an event, a touch or a window edge does.
    /// </summary>
    internal bool UsesDaysSince { get; }

    /// <summary>Gets the checked syntax tree.</summary>
    internal ConditionNode Root { get; }

    /// <summary>
    /// Evaluates the condition for one lead. Never throws (for a scope that does not throw): values of the wrong
    /// type compare false and a regex that times out counts as no match. Time is linear in the condition's size.
    /// </summary>
    /// <param name="scope">What the condition may read about the lead.</param>
    /// <returns>Whether the condition holds.</returns>
    public bool Evaluate(IConditionScope scope) => _predicate(scope);

    /// <summary>
    /// Prints the condition in canonical form (single spaces, double-quoted strings, minimal parentheses); the text
    /// compiles to an equivalent condition.
    /// </summary>
    /// <returns>The canonical text.</returns>
    public override string ToString() => ConditionPrinter.Print(Root);

    private static void Collect(ConditionNode node, List<string> identifiers, List<string> eventTypes, ref bool usesScore, ref bool usesDaysSince)
    {
        switch (node)
        {
            case LogicalNode logical:
                foreach (var operand in logical.Operands)
                {
                    Collect(operand, identifiers, eventTypes, ref usesScore, ref usesDaysSince);
                }

                break;
            case NotNode not:
                Collect(not.Operand, identifiers, eventTypes, ref usesScore, ref usesDaysSince);
                break;
            case ComparisonNode comparison:
                Collect(comparison.Left, identifiers, eventTypes, ref usesScore, ref usesDaysSince);
                Collect(comparison.Right, identifiers, eventTypes, ref usesScore, ref usesDaysSince);
                break;
            case IdentifierNode { IsScore: true }:
                usesScore = true;
                break;
            case IdentifierNode identifier:
                AddDistinct(identifiers, identifier.Name);
                break;
            case CallNode call:
                usesDaysSince |= call.Function == ConditionFunction.DaysSince;
                if (call.Function != ConditionFunction.Count)
                {
                    AddDistinct(identifiers, call.Argument);
                }

                if (call.Function != ConditionFunction.Exists)
                {
                    AddDistinct(eventTypes, call.Argument);
                }

                break;
        }
    }

    private static void AddDistinct(List<string> names, string name)
    {
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            names.Add(name);
        }
    }
}
