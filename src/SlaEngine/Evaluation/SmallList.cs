using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SlaEngine.Evaluation;

/// <summary>
/// A list that keeps its first eight items inline (on the stack when the list is a local), for reading a lead's short
/// arrays: the only allocation is the exact-size array of <see cref="ToImmutable"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal struct SmallList<T>
{
    private Inline _inline;
    private T[]? _overflow;

    /// <summary>Gets the number of items.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the item at <paramref name="index"/>.</summary>
    public readonly T this[int index] => index < Inline.Length ? _inline[index] : _overflow![index - Inline.Length];

    /// <summary>Adds an item.</summary>
    public void Add(T item)
    {
        if (Count < Inline.Length)
        {
            _inline[Count++] = item;
            return;
        }

        var at = Count - Inline.Length;
        if (_overflow is null || at == _overflow.Length)
        {
            Array.Resize(ref _overflow, Math.Max(16, at * 2));
        }

        _overflow[at] = item;
        Count++;
    }

    /// <summary>Copies the items into an exact-size array.</summary>
    public readonly T[] ToArray()
    {
        if (Count == 0)
        {
            return [];
        }

        var items = new T[Count];
        var inline = Math.Min(Count, Inline.Length);
        for (var i = 0; i < inline; i++)
        {
            items[i] = _inline[i];
        }

        if (Count > Inline.Length)
        {
            Array.Copy(_overflow!, 0, items, Inline.Length, Count - Inline.Length);
        }

        return items;
    }

    /// <summary>Copies the items into an exact-size immutable array.</summary>
    public readonly ImmutableArray<T> ToImmutable() => Count == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(ToArray());

    [InlineArray(Length)]
    private struct Inline
    {
        public const int Length = 8;

        private T _first;
    }
}
