using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// The clock a milestone is measured on: business time or elapsed time of one calendar, minus the
/// lead's paused intervals. Deadlines, lateness, time left and spacing are all measured with it.
/// </summary>
internal readonly struct SlaClock
{
    internal SlaClock(BusinessCalendar calendar, bool business, PauseSchedule pauses)
    {
        Calendar = calendar;
        IsBusiness = business;
        Pauses = pauses;
    }

    internal BusinessCalendar Calendar { get; }

    internal bool IsBusiness { get; }

    internal PauseSchedule Pauses { get; }

    /// <summary>The deadline of <paramref name="duration"/> from <paramref name="start"/> on this clock.</summary>
    internal Instant Due(Instant start, SlaDuration duration)
    {
        if (duration.IsBusiness)
        {
            if (duration.IsFixedLength)
            {
                return Advance(start, duration.FixedLength);
            }

            var deadline = Calendar.AddBusinessDays(start, duration.BusinessDays);
            return Pauses.IsEmpty ? deadline : Advance(start, Calendar.Between(start, deadline));
        }

        var elapsed = duration.IsFixedLength
            ? duration.FixedLength
            : Calendar.AddCalendarDays(start, duration.CalendarDays) - start;
        return Advance(start, elapsed);
    }

    /// <summary>The unpaused time on this clock inside <c>[a, b)</c>; negative when <paramref name="b"/> is before <paramref name="a"/>.</summary>
    internal Duration Measure(Instant a, Instant b)
    {
        if (b < a)
        {
            return -Measure(b, a);
        }

        var total = Raw(a, b);
        foreach (var pause in Pauses.Intervals)
        {
            if (pause.End <= a)
            {
                continue;
            }

            if (pause.Start >= b)
            {
                break;
            }

            total -= Raw(Instant.Max(a, pause.Start), Instant.Min(b, pause.End));
        }

        return total;
    }

    /// <summary>The earliest instant <c>r &gt;= start</c> with <paramref name="amount"/> of unpaused time in <c>[start, r]</c> (amount &gt;= 0).</summary>
    internal Instant Advance(Instant start, Duration amount)
    {
        if (amount <= Duration.Zero)
        {
            return start;
        }

        var current = start;
        var remaining = amount;
        foreach (var pause in Pauses.Intervals)
        {
            if (pause.End <= current)
            {
                continue;
            }

            if (pause.Start > current)
            {
                var segment = Raw(current, pause.Start);
                if (segment >= remaining)
                {
                    return RawAdd(current, remaining);
                }

                remaining -= segment;
            }

            current = pause.End;
        }

        return RawAdd(current, remaining);
    }

    private Duration Raw(Instant a, Instant b) => IsBusiness ? Calendar.Between(a, b) : b - a;

    private Instant RawAdd(Instant a, Duration d) => IsBusiness ? Calendar.Add(a, d) : ElapsedAdd(a, d);

    /// <summary>
    /// Elapsed time added past the last representable instant (the end of 9999) is out of range, reported like
    /// business time past 2499 rather than as NodaTime's overflow.
    /// </summary>
    private static Instant ElapsedAdd(Instant a, Duration d) =>
        d <= Instant.MaxValue - a
            ? a + d
            : throw new ArgumentOutOfRangeException("instant", "Elapsed time runs past the last supported instant (the end of 9999).");
}
