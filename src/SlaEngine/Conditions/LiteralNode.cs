using SlaEngine.Evaluation;
using SlaEngine.Conditions;

namespace SlaEngine.Conditions;

/// <summary>A scalar literal: a number, a string, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class LiteralNode : ConditionNode
{
    /// <summary>Initializes a new instance of the <see cref="LiteralNode"/> class.</summary>
    /// <param name="value">The value (not a list).</param>
    /// <param name="offset">The offset in the text.</param>
    public LiteralNode(LeadValue value, int offset = 0)
        : base(offset)
    {
        Value = value;
    }

    /// <summary>Gets the value.</summary>
    public LeadValue Value { get; }
}
