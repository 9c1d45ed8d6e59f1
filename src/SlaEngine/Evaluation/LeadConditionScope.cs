using NodaTime;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>What a condition sees of one lead at one instant.</summary>
internal sealed class LeadConditionScope : IConditionScope
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
