using System.Collections.Immutable;
using SlaEngine.Evaluation;
using SlaEngine.Conditions;

namespace SlaEngine.Conditions;

/// <summary>A list literal <c>[a, b]</c> whose items are literals or nested list literals.</summary>
internal sealed class ListNode : ConditionNode
{
    /// <summary>Initializes a new instance of the <see cref="ListNode"/> class.</summary>
    /// <param name="items">The items: <see cref="LiteralNode"/>s and <see cref="ListNode"/>s.</param>
    /// <param name="offset">The offset of <c>[</c> in the text.</param>
    public ListNode(ImmutableArray<ConditionNode> items, int offset = 0)
        : base(offset)
    {
        Items = items;
        Value = LeadValue.FromList(items.Select(ValueOf).ToImmutableArray());
    }

    /// <summary>Gets the items.</summary>
    public ImmutableArray<ConditionNode> Items { get; }

    /// <summary>Gets the list as a value.</summary>
    public LeadValue Value { get; }

    private static LeadValue ValueOf(ConditionNode node) => node switch
    {
        LiteralNode literal => literal.Value,
        ListNode list => list.Value,
        _ => throw new ArgumentException("List items must be literals.", nameof(node)),
    };
}
