using System.Collections.Immutable;

namespace SlaEngine.Loading;

/// <summary>A mapping node whose keys are scalars, unique (duplicates are rejected by the reader), in file order.</summary>
internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(ImmutableArray<KeyValuePair<YamlScalar, YamlNode>> entries, int line, int column)
        : base(line, column)
    {
        Entries = entries;
    }

    /// <summary>Gets the entries in file order.</summary>
    public ImmutableArray<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    /// <inheritdoc/>
    public override string KindName => "a mapping";

    /// <summary>Finds the value of a key (ordinal comparison).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/> when the key is absent.</returns>
    public YamlNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>Finds the key node of a key (ordinal comparison).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key node, or <see langword="null"/> when the key is absent.</returns>
    public YamlScalar? GetKey(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Key;
            }
        }

        return null;
    }
}
