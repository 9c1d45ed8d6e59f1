namespace SlaEngine.Conditions;

/// <summary>A node of a parsed condition (the syntax tree). Immutable.</summary>
internal abstract class ConditionNode
{
    /// <summary>Initializes a new instance of the <see cref="ConditionNode"/> class.</summary>
    /// <param name="offset">The offset of the node's first token in the condition text.</param>
    protected ConditionNode(int offset)
    {
        Offset = offset;
    }

    /// <summary>Gets the offset of the node's first token in the condition text (0 for generated nodes).</summary>
    public int Offset { get; }
}
