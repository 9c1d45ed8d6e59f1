using NodaTime;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>What a condition sees of one lead at one instant.</summary>
internal class LeadConditionScope : IConditionScope
{
    private readonly LeadSnapshot _lead;

    internal LeadConditionScope(LeadSnapshot lead, Instant at)
    {
        _lead = lead;
        At = at;
    }

    public double Score { get; set; }

    public Instant At { get; internal set; }

    public LeadValue GetAttribute(string name) => _lead.TryGetAttribute(name, out var value) ? value : LeadValue.Null;

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

    internal SteadyRememberingScope(LeadSnapshot lead, Instant at)
        : base(lead, at)
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
