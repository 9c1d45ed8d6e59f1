using System.Globalization;
using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Evaluation;

/// <summary>
/// Collects, while a lead is evaluated at <see cref="After"/>, the earliest whole second after it at which a
/// milestone or an escalation rung of that evaluation changes by the passing of time alone: a milestone turning at
/// risk or breached on its own pause-aware clock, a rung reaching its instant. Not thread-safe: one per walk.
/// </summary>
internal sealed class TimelineProbe
{
    internal TimelineProbe(Instant after)
    {
        Reset(after);
    }

    /// <summary>Gets the evaluation instant; only instants strictly after it are kept.</summary>
    internal Instant After { get; private set; }

    /// <summary>Gets the earliest instant offered, or <see cref="Instant.MaxValue"/>.</summary>
    internal Instant Earliest { get; private set; }

    /// <summary>Gets what changes at <see cref="Earliest"/> (a milestone name or <c>escalation_N</c>).</summary>
    internal string? Subject { get; private set; }

    /// <summary>Gets why it changes then, for the explanation trace.</summary>
    internal string? Why { get; private set; }

    /// <summary>Gets a value indicating whether <see cref="Earliest"/> was computed exactly (not moved forward by the rounding guard).</summary>
    internal bool EarliestIsExact { get; private set; }

    /// <summary>Gets the rung number of an escalation candidate (0 for a milestone), for lazily built text.</summary>
    private int Rung { get; set; }

    internal void Reset(Instant after)
    {
        After = after;
        Earliest = Instant.MaxValue;
        Subject = null;
        Why = null;
        Rung = 0;
        EarliestIsExact = false;
    }

    /// <summary>A milestone not yet breached is breached from the first whole second after the first instant at or after its due at which its clock runs.</summary>
    internal void OfferBreach(string milestone, SlaClock clock, Instant due)
    {
        var running = NextRunning(clock, due);
        Offer(WholeSeconds.After(running), milestone, "breached: the first second its clock runs after the due");
    }

    /// <summary>A pending milestone turns at risk once the time left on its clock is at most <paramref name="warn"/>.</summary>
    internal void OfferAtRisk(string milestone, SlaClock clock, Instant from, Instant due, Duration warn)
    {
        var budget = clock.Measure(from, due);
        var used = budget - warn;
        Instant? at;
        if (used > Duration.Zero)
        {
            // Time left = budget - time used since `from`: at most `warn` from the earliest r with `used` elapsed.
            at = WholeSeconds.Ceiling(clock.Advance(from, used));
        }
        else
        {
            // The SLA starts after the evaluation instant and the warning covers the whole budget: search.
            at = WholeSeconds.First(After, due, s => clock.Measure(s, due) <= warn);
        }

        if (at is { } instant)
        {
            Offer(instant, milestone, "at risk: the time left on its clock reaches warn_before");
        }
    }

    /// <summary>A rung fires at its instant when no first touch came before it.</summary>
    internal void OfferRung(int number, Instant rungAt)
    {
        var instant = WholeSeconds.Ceiling(rungAt);
        if (instant > After && instant < Earliest)
        {
            Earliest = instant;
            Subject = null;
            Why = "fires: its instant is reached without a first touch";
            Rung = number;
            EarliestIsExact = true;
        }
    }

    /// <summary>Gets the subject of the earliest candidate (built on demand for rungs).</summary>
    internal string? EarliestSubject => Rung > 0 ? "escalation_" + Rung.ToString(CultureInfo.InvariantCulture) : Subject;

    private static Instant NextRunning(SlaClock clock, Instant instant)
    {
        while (true)
        {
            var next = clock.IsBusiness ? clock.Calendar.NextOpen(instant) : instant;
            foreach (var pause in clock.Pauses.Intervals)
            {
                if (pause.Start <= next && next < pause.End)
                {
                    next = pause.End;
                }
            }

            if (next == instant)
            {
                return instant;
            }

            instant = next;
        }
    }

    private void Offer(Instant instant, string subject, string why)
    {
        // A rounding guard: the state at `After` says the change is still ahead, so it is at least one second ahead.
        var exact = instant > After;
        if (!exact)
        {
            instant = WholeSeconds.After(After);
        }

        if (instant < Earliest)
        {
            Earliest = instant;
            Subject = subject;
            Why = why;
            Rung = 0;
            EarliestIsExact = exact;
        }
    }
}
