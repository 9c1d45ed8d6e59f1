using NodaTime;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>What a condition sees of one lead at one instant.</summary>
internal class LeadConditionScope : IConditionScope
{
    /// <summary>Slots mapped inside the scope; conditions read the attributes of later slots by name.</summary>
    private const int MappedSlots = 16;

    /// <summary>In <see cref="_map"/>: the lead does not have the slot's attribute.</summary>
    private const byte Missing = byte.MaxValue;

    /// <summary>In <see cref="_map"/>: the attribute is too far into the lead's list to be mapped; read it by name.</summary>
    private const byte ByName = byte.MaxValue - 1;

    private readonly LeadSnapshot _lead;
    private readonly AttributeSlots? _slots;

    /// <summary>For each of the first slots, the index of its attribute in the lead's sorted attributes (or <see cref="Missing"/>).</summary>
    private SlotMap _map;
    private bool _mapped;

    internal LeadConditionScope(LeadSnapshot lead, Instant at, AttributeSlots? slots = null)
    {
        _lead = lead;
        At = at;
        _slots = slots;
    }

    public double Score { get; set; }

    public Instant At { get; internal set; }

    public LeadValue GetAttribute(string name) => _lead.TryGetAttribute(name, out var value) ? value : LeadValue.Null;

    public LeadValue GetAttribute(int slot, string name)
    {
        if ((uint)slot >= MappedSlots || _slots is null)
        {
            return GetAttribute(name);
        }

        if (!_mapped)
        {
            Map();
        }

        var index = _map[slot];
        return index == Missing ? LeadValue.Null : index == ByName ? GetAttribute(name) : _lead.AttributeEntries[index].Value;
    }

    /// <summary>Maps the first slots to the lead's attributes: one merge of the policy's and the lead's name-sorted lists.</summary>
    private void Map()
    {
        ((Span<byte>)_map).Fill(Missing);
        var entries = _lead.AttributeEntries;
        var names = _slots!.SortedNames;
        var slots = _slots.SortedSlots;
        int i = 0, j = 0;
        while (i < entries.Length && j < names.Length)
        {
            var c = string.CompareOrdinal(entries[i].Key, names[j]);
            if (c == 0)
            {
                if (slots[j] < MappedSlots)
                {
                    _map[slots[j]] = i < ByName ? (byte)i : ByName;
                }

                i++;
                j++;
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        _mapped = true;
    }

    [System.Runtime.CompilerServices.InlineArray(MappedSlots)]
    private struct SlotMap
    {
        private byte _first;
    }

    public int CountEvents(string eventType, Duration? window)
    {
        var count = 0;
        var from = window is { } w ? At - w : Instant.MinValue;
        foreach (var e in _lead.Events)
        {
            if (e.At <= At && e.At >= from && string.Equals(e.Type, eventType, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }

    public Instant? LatestEvent(string eventType)
    {
        Instant? latest = null;
        foreach (var e in _lead.Events)
        {
            if (e.At <= At && string.Equals(e.Type, eventType, StringComparison.OrdinalIgnoreCase) && (latest is null || e.At > latest))
            {
                latest = e.At;
            }
        }

        return latest;
    }
}

/// <summary>
/// A timeline walk's scope: it computes the score at many instants between two changes of the lead's events and
/// windows, where the steady scoring conditions (<see cref="Policies.ScoringRule.IsSteady"/>) keep their results, so it
/// remembers them (for the first 64 rules).
/// </summary>
internal sealed class SteadyRememberingScope : LeadConditionScope
{
    private ulong _known;
    private ulong _matched;

    internal SteadyRememberingScope(LeadSnapshot lead, Instant at, AttributeSlots? slots)
        : base(lead, at, slots)
    {
    }

    /// <summary>Forgets the remembered results (the events or windows may have changed).</summary>
    internal void Forget() => _known = _matched = 0;

    /// <summary>Gets the remembered result of steady scoring rule <paramref name="index"/>, when there is one.</summary>
    internal bool TryGet(int index, out bool matched)
    {
        var bit = 1UL << index;
        matched = (_matched & bit) != 0;
        return index < 64 && (_known & bit) != 0;
    }

    /// <summary>Remembers the result of steady scoring rule <paramref name="index"/>.</summary>
    internal void Set(int index, bool matched)
    {
        if (index < 64)
        {
            var bit = 1UL << index;
            _known |= bit;
            _matched = matched ? _matched | bit : _matched & ~bit;
        }
    }
}
