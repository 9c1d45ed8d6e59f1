namespace SlaEngine.Loading;

/// <summary>
/// A node of the YAML representation tree the loader works on: a scalar, a mapping or a sequence,
/// each with the 1-based line and column where it starts in the source text.
/// </summary>
/// <remarks>
/// This tree is the only form in which policy YAML reaches the compiler: YamlDotNet never leaks out of
/// <c>Loading/</c>. Nodes are immutable; a node reached through an alias is shared, not copied.
/// </remarks>
internal abstract class YamlNode
{
    protected YamlNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>Gets the 1-based line of the first character of the node.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column of the first character of the node.</summary>
    public int Column { get; }

    /// <summary>Gets the kind name used in messages ("a mapping", "a list", "a value").</summary>
    public abstract string KindName { get; }
}
