using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>Rounding of instants to the whole seconds at which transitions happen.</summary>
internal static class WholeSeconds
{
    private static readonly Duration OneSecond = Duration.FromSeconds(1);

    /// <summary>The latest whole second at or before <paramref name="instant"/>.</summary>
    internal static Instant Floor(Instant instant) => Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    /// <summary>The earliest whole second at or after <paramref name="instant"/>.</summary>
    internal static Instant Ceiling(Instant instant)
    {
        var floor = Floor(instant);
        return floor == instant ? floor : floor + OneSecond;
    }

    /// <summary>The earliest whole second strictly after <paramref name="instant"/>.</summary>
    internal static Instant After(Instant instant) => Floor(instant) + OneSecond;

    /// <summary>The whole second before <paramref name="instant"/> (itself a whole second).</summary>
    internal static Instant Before(Instant instant) => instant - OneSecond;

    /// <summary>
    /// The earliest whole second <c>s</c> in <c>(after, limit]</c> where <paramref name="holds"/> is true, for a predicate
    /// that, once true, stays true; null when it is false at <paramref name="limit"/>'s last whole second.
    /// </summary>
    internal static Instant? First(Instant after, Instant limit, Func<Instant, bool> holds) =>
        First(after, limit, holds, static (h, s) => h(s));

    /// <summary>
    /// <see cref="First(Instant, Instant, Func{Instant, bool})"/> with the predicate's state passed along, so a static
    /// lambda serves (no closure allocated per search).
    /// </summary>
    internal static Instant? First<TState>(Instant after, Instant limit, TState state, Func<TState, Instant, bool> holds)
    {
        var lo = After(after).ToUnixTimeSeconds() - 1; // known false (or `after` itself)
        var hi = Floor(limit).ToUnixTimeSeconds();
        if (hi <= lo || !holds(state, Instant.FromUnixTimeSeconds(hi)))
        {
            return null;
        }

        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (holds(state, Instant.FromUnixTimeSeconds(mid)))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return Instant.FromUnixTimeSeconds(hi);
    }
}
