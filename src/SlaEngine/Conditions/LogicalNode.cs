using System.Collections.Immutable;

namespace SlaEngine.Conditions;

/// <summary>A chain <c>a and b and c</c> or <c>a or b or c</c> (n-ary, so long chains do not nest).</summary>
internal sealed class LogicalNode : ConditionNode
{
    /// <summary>Initializes a new instance of the <see cref="LogicalNode"/> class.</summary>
    /// <param name="isAnd">True for <c>and</c>, false for <c>or</c>.</param>
    /// <param name="operands">Two or more operands.</param>
    /// <param name="offset">The offset of the first operand.</param>
    public LogicalNode(bool isAnd, ImmutableArray<ConditionNode> operands, int offset = 0)
        : base(offset)
    {
        IsAnd = isAnd;
        Operands = operands;
    }

    /// <summary>Gets a value indicating whether this is an <c>and</c> chain (else <c>or</c>).</summary>
    public bool IsAnd { get; }

    /// <summary>Gets the operands.</summary>
    public ImmutableArray<ConditionNode> Operands { get; }
}
