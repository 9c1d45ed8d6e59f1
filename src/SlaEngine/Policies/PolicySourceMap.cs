using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace SlaEngine.Policies;

/// <summary>
/// Where the elements of a compiled policy were written: a side table from a model object (by reference), optionally
/// with a member name such as <c>cadence</c>, to its <see cref="SourcePosition"/>. Filled by the compiler, read by
/// tools that report on the compiled model (the linter), so the model classes themselves stay free of positions.
/// </summary>
/// <remarks>Only the compiler records positions, before the policy is published; afterwards the map is read-only.</remarks>
internal sealed class PolicySourceMap
{
    private readonly Dictionary<Key, SourcePosition> _positions = new(KeyComparer.Instance);
    private FrozenDictionary<Key, SourcePosition>? _frozen;

    /// <summary>Gets an empty map (for policies not compiled from text).</summary>
    public static PolicySourceMap Empty { get; } = new PolicySourceMap().Freeze();

    /// <summary>Records where an element (or one of its members) was written. Only valid before <see cref="Freeze"/>.</summary>
    /// <param name="element">The compiled model object.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <param name="member">A member name (for example <c>cadence</c>), or null for the element itself.</param>
    public void Record(object element, int line, int column, string? member = null)
    {
        if (_frozen is not null)
        {
            throw new InvalidOperationException("The source map is frozen.");
        }

        _positions[new Key(element, member)] = new SourcePosition(line, column);
    }

    /// <summary>Makes the map read-only.</summary>
    /// <returns>This map.</returns>
    public PolicySourceMap Freeze()
    {
        _frozen ??= _positions.ToFrozenDictionary(KeyComparer.Instance);
        return this;
    }

    /// <summary>Finds where an element (or one of its members) was written.</summary>
    /// <param name="element">The compiled model object.</param>
    /// <param name="member">A member name, or null for the element itself.</param>
    /// <returns>The position, or <c>(0, 0)</c> when unknown.</returns>
    public SourcePosition Find(object element, string? member = null)
    {
        var key = new Key(element, member);
        if (_frozen is not null)
        {
            return _frozen.TryGetValue(key, out var frozen) ? frozen : default;
        }

        return _positions.TryGetValue(key, out var position) ? position : default;
    }

    private readonly record struct Key(object Element, string? Member);

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals(Key x, Key y) =>
            ReferenceEquals(x.Element, y.Element) && string.Equals(x.Member, y.Member, StringComparison.Ordinal);

        public int GetHashCode(Key key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Element), key.Member is null ? 0 : StringComparer.Ordinal.GetHashCode(key.Member));
    }
}
