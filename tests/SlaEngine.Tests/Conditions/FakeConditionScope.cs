using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Conditions;

/// <summary>A small in-memory scope: attributes, a score, an instant and typed events.</summary>
internal sealed class FakeConditionScope : IConditionScope
{
    private readonly Dictionary<string, LeadValue> _attributes = new(StringComparer.Ordinal);
    private readonly List<(string Type, Instant At)> _events = new();

    public FakeConditionScope(Instant? at = null, double score = 0)
    {
        At = at ?? Instant.FromUtc(2026, 11, 20, 12, 0);
        Score = score;
    }

    public double Score { get; set; }

    public Instant At { get; }

    public FakeConditionScope With(string name, LeadValue value)
    {
        _attributes[name] = value;
        return this;
    }

    public FakeConditionScope WithList(string name, params LeadValue[] items) => With(name, LeadValue.FromList(items.ToImmutableArray()));

    public FakeConditionScope WithEvent(string type, Instant at)
    {
        _events.Add((type, at));
        return this;
    }

    public LeadValue GetAttribute(string name) => _attributes.TryGetValue(name, out var value) ? value : LeadValue.Null;

    public LeadValue GetAttribute(int slot, string name) => GetAttribute(name);

    public int CountEvents(string eventType, Duration? window)
    {
        var count = 0;
        foreach (var (type, at) in _events)
        {
            if (type == eventType && at <= At && (window is not { } w || At - w <= at))
            {
                count++;
            }
        }

        return count;
    }

    public Instant? LatestEvent(string eventType)
    {
        Instant? latest = null;
        foreach (var (type, at) in _events)
        {
            if (type == eventType && at <= At && (latest is null || at > latest))
            {
                latest = at;
            }
        }

        return latest;
    }

    public override string ToString() =>
        "score=" + Score.ToString("R", CultureInfo.InvariantCulture) + " "
        + string.Join(", ", _attributes.Select(p => p.Key + "=" + p.Value))
        + " events=" + string.Join(", ", _events.Select(e => e.Type + "@" + e.At));
}
