using System.Collections.Immutable;

namespace SlaEngine.Loading;

/// <summary>A sequence node (a YAML list).</summary>
internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(ImmutableArray<YamlNode> items, int line, int column)
        : base(line, column)
    {
        Items = items;
    }

    /// <summary>Gets the items in file order.</summary>
    public ImmutableArray<YamlNode> Items { get; }

    /// <inheritdoc/>
    public override string KindName => "a list";
}
