namespace SlaEngine.Conditions;

/// <summary><c>not x</c>.</summary>
internal sealed class NotNode : ConditionNode
{
    /// <summary>Initializes a new instance of the <see cref="NotNode"/> class.</summary>
    /// <param name="operand">The negated condition.</param>
    /// <param name="offset">The offset of <c>not</c>.</param>
    public NotNode(ConditionNode operand, int offset = 0)
        : base(offset)
    {
        Operand = operand;
    }

    /// <summary>Gets the negated condition.</summary>
    public ConditionNode Operand { get; }
}
