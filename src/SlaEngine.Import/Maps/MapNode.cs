namespace SlaEngine.Import.Maps;

/// <summary>A node of a map file's YAML tree, with the 1-based position where it starts.</summary>
internal abstract class MapNode
{
    protected MapNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>Gets the 1-based line.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column.</summary>
    public int Column { get; }

    /// <summary>Gets a name for messages: "a mapping", "a list", "a value".</summary>
    public abstract string KindName { get; }
}

/// <summary>A single value (YAML scalar).</summary>
internal sealed class MapScalar : MapNode
{
    public MapScalar(string value, bool isPlain, int line, int column)
        : base(line, column)
    {
        Value = value;
        IsPlain = isPlain;
    }

    /// <summary>Gets the text.</summary>
    public string Value { get; }

    /// <summary>Gets a value indicating whether the scalar was written without quotes.</summary>
    public bool IsPlain { get; }

    /// <summary>Gets a value indicating whether this is YAML's null (<c>~</c>, <c>null</c> or nothing, unquoted).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc/>
    public override string KindName => IsNull ? "null" : "a value";
}

/// <summary>A YAML mapping, entries in file order.</summary>
internal sealed class MapMapping : MapNode
{
    public MapMapping(IReadOnlyList<KeyValuePair<MapScalar, MapNode>> entries, int line, int column)
        : base(line, column)
    {
        Entries = entries;
    }

    /// <summary>Gets the entries in file order (duplicate keys already reported and dropped).</summary>
    public IReadOnlyList<KeyValuePair<MapScalar, MapNode>> Entries { get; }

    /// <inheritdoc/>
    public override string KindName => "a mapping";
}

/// <summary>A YAML list.</summary>
internal sealed class MapSequence : MapNode
{
    public MapSequence(IReadOnlyList<MapNode> items, int line, int column)
        : base(line, column)
    {
        Items = items;
    }

    /// <summary>Gets the items.</summary>
    public IReadOnlyList<MapNode> Items { get; }

    /// <inheritdoc/>
    public override string KindName => "a list";
}
