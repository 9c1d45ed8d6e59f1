using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Monitor.Storage;

/// <summary>The earliest instant from which a new snapshot of a lead can evaluate differently from the old one.</summary>
internal static class LeadChanges
{
    /// <summary>
    /// Returns null when nothing differs, <see cref="Instant.MinValue"/> when something without an instant differs
    /// (attributes, <c>mql_at</c>, the pinned tier or team), else the earliest instant of a touch, event, pause or
    /// disposition present in one snapshot and not the other.
    /// </summary>
    internal static Instant? EarliestChange(LeadSnapshot old, LeadSnapshot updated)
    {
        if (old.MqlAt != updated.MqlAt || old.Assigned != updated.Assigned || !SameAttributes(old, updated))
        {
            return Instant.MinValue;
        }

        Instant? earliest = null;
        void Consider(Instant at) => earliest = earliest is { } e && e <= at ? e : at;

        foreach (var at in Difference(old.Touches, updated.Touches, t => t.At))
        {
            Consider(at);
        }

        foreach (var at in Difference(old.Events, updated.Events, e => e.At))
        {
            Consider(at);
        }

        foreach (var at in Difference(old.Paused.Intervals, updated.Paused.Intervals, p => p.Start))
        {
            Consider(at);
        }

        if (old.Disposition != updated.Disposition)
        {
            if (old.Disposition is { } o)
            {
                Consider(o.At);
            }

            if (updated.Disposition is { } u)
            {
                Consider(u.At);
            }
        }

        return earliest;
    }

    private static bool SameAttributes(LeadSnapshot a, LeadSnapshot b)
    {
        if (a.Attributes.Count != b.Attributes.Count)
        {
            return false;
        }

        foreach (var pair in a.Attributes)
        {
            if (!b.Attributes.TryGetValue(pair.Key, out var other) || other != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<Instant> Difference<T>(IEnumerable<T> a, IEnumerable<T> b, Func<T, Instant> at)
        where T : notnull
    {
        var counts = new Dictionary<T, int>();
        foreach (var item in a)
        {
            counts[item] = counts.GetValueOrDefault(item) + 1;
        }

        foreach (var item in b)
        {
            counts[item] = counts.GetValueOrDefault(item) - 1;
        }

        return counts.Where(p => p.Value != 0).Select(p => at(p.Key));
    }
}
