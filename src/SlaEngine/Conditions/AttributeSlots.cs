namespace SlaEngine.Conditions;

/// <summary>
/// The lead attributes a policy's conditions read, each given a slot number when its condition is compiled: a
/// compiled condition reads an attribute by slot, and a lead's scope maps the slots to the lead's own attributes once
/// (one merge of two name-sorted lists) instead of searching by name at every read. Filled while the policy compiles,
/// then frozen (<see cref="Freeze"/>); immutable and thread-safe from then on.
/// </summary>
internal sealed class AttributeSlots
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private string[] _sortedNames = [];
    private int[] _sortedSlots = [];
    private bool _frozen;

    /// <summary>Gets the names, sorted by ordinal comparison.</summary>
    internal ReadOnlySpan<string> SortedNames => _sortedNames;

    /// <summary>Gets the slot of each name of <see cref="SortedNames"/>, in the same order.</summary>
    internal ReadOnlySpan<int> SortedSlots => _sortedSlots;

    /// <summary>Gets the slot of <paramref name="name"/>, giving it the next free one the first time (while compiling).</summary>
    internal int SlotOf(string name)
    {
        if (_slots.TryGetValue(name, out var slot))
        {
            return slot;
        }

        if (_frozen)
        {
            return -1;
        }

        slot = _slots.Count;
        _slots.Add(name, slot);
        return slot;
    }

    /// <summary>Ends compilation: sorts the names for the scopes' merge.</summary>
    internal AttributeSlots Freeze()
    {
        _sortedNames = [.. _slots.Keys.Order(StringComparer.Ordinal)];
        _sortedSlots = [.. _sortedNames.Select(n => _slots[n])];
        _frozen = true;
        return this;
    }
}
