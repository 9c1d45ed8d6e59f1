namespace SlaEngine.Conditions;

/// <summary>An identifier: a lead attribute, or <c>score</c>.</summary>
internal sealed class IdentifierNode : ConditionNode
{
    /// <summary>The identifier of the computed score.</summary>
    internal const string ScoreName = "score";

    /// <summary>Initializes a new instance of the <see cref="IdentifierNode"/> class.</summary>
    /// <param name="name">The name.</param>
    /// <param name="offset">The offset in the text.</param>
    public IdentifierNode(string name, int offset = 0)
        : base(offset)
    {
        Name = name;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets a value indicating whether this is <c>score</c>.</summary>
    public bool IsScore => Name == ScoreName;
}
