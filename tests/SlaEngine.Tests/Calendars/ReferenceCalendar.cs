using NodaTime;
using NodaTime.TimeZones;
using SlaEngine.Calendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>
/// A slow, obviously-correct model of spec section 3 that shares no code with the engine. It is built from the same
/// <see cref="CalendarDefinition"/> the engine's builder gets and works date by date: every local date's hours are
/// re-derived naively (override, else holiday, else weekly), each interval is resolved with
/// <see cref="Resolvers.LenientResolver"/>, and the open set is the plain union of those instant intervals.
/// Questions are answered by walking that list in order (no prefix sums, no binary search, no per-year tables),
/// and, for the paused clock, by stepping minute by minute.
/// </summary>
internal sealed class ReferenceCalendar
{
    private static readonly Duration Window = Duration.FromDays(40);
    private static readonly Instant Horizon = Instant.FromUtc(2600, 1, 1, 0, 0);
    private static readonly Instant Origin = Instant.FromUtc(1600, 1, 1, 0, 0);

    public ReferenceCalendar(CalendarDefinition definition)
    {
        Definition = definition;
        Zone = definition.Zone;
    }

    public CalendarDefinition Definition { get; }

    public DateTimeZone Zone { get; }

    /// <summary>Whether a holiday (its own date or its observed date) closes <paramref name="date"/>.</summary>
    public bool IsHolidayClosed(LocalDate date)
    {
        foreach (var holiday in Definition.Holidays)
        {
            for (var year = date.Year - 1; year <= date.Year + 1; year++)
            {
                var occurrence = Occurrence(holiday, year);
                if (occurrence is null)
                {
                    continue;
                }

                if (occurrence == date || Observed(holiday.Observed, occurrence.Value) == date)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The intervals opening on a date: the override, else nothing on a holiday, else the weekly hours.</summary>
    public IReadOnlyList<IntervalDefinition> HoursOn(LocalDate date)
    {
        if (Definition.Overrides.TryGetValue(date, out var overridden))
        {
            return overridden;
        }

        return IsHolidayClosed(date) ? [] : Definition.WeeklyOn(date.DayOfWeek);
    }

    public bool IsBusinessDate(LocalDate date) => HoursOn(date).Count > 0;

    /// <summary>The instant intervals opening on a date (possibly empty when a DST gap swallows one).</summary>
    public IReadOnlyList<(Instant Open, Instant Close)> IntervalsOn(LocalDate date)
    {
        var result = new List<(Instant, Instant)>();
        foreach (var interval in HoursOn(date))
        {
            var open = Resolve(date.At(LocalTime.Midnight).PlusMinutes(interval.OpenMinute));
            var close = Resolve(date.At(LocalTime.Midnight).PlusMinutes(interval.ExtendedCloseMinute));
            result.Add((open, close));
        }

        return result;
    }

    /// <summary>The last close of a business date.</summary>
    public Instant LastClose(LocalDate date) => IntervalsOn(date).Max(i => i.Close);

    /// <summary>The open time within <c>[from, to)</c> as sorted, disjoint segments (the union of every date's intervals).</summary>
    public List<(Instant Start, Instant End)> Segments(Instant from, Instant to)
    {
        // Offsets stay within ±18 h and an interval closes within two days of its date's midnight,
        // so these dates cover every interval that can reach into [from, to).
        var firstDate = from.InUtc().Date.PlusDays(-3);
        var lastDate = to.InUtc().Date.PlusDays(2);
        var all = new List<(Instant Start, Instant End)>();
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1))
        {
            foreach (var (open, close) in IntervalsOn(date))
            {
                var start = open < from ? from : open;
                var end = close > to ? to : close;
                if (end > start)
                {
                    all.Add((start, end));
                }
            }
        }

        all.Sort((x, y) => x.Start.CompareTo(y.Start));
        var merged = new List<(Instant Start, Instant End)>();
        foreach (var segment in all)
        {
            if (merged.Count > 0 && segment.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, segment.End > merged[^1].End ? segment.End : merged[^1].End);
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }

    public bool IsOpen(Instant t) => Segments(t, t + Duration.FromTicks(1)).Count > 0;

    public Instant NextOpen(Instant t)
    {
        for (var to = t + Window; to < Horizon; to += Window)
        {
            var segments = Segments(t, to);
            if (segments.Count > 0)
            {
                return segments[0].Start;
            }
        }

        throw new InvalidOperationException("The reference found no opening.");
    }

    /// <summary>The open time inside <c>[a, b)</c>; negative when <paramref name="b"/> is before <paramref name="a"/>.</summary>
    public Duration Between(Instant a, Instant b)
    {
        if (b < a)
        {
            return -Between(b, a);
        }

        var total = Duration.Zero;
        foreach (var (start, end) in Segments(a, b))
        {
            total += end - start;
        }

        return total;
    }

    /// <summary>The earliest <c>r &gt;= t</c> with open time <paramref name="d"/> in <c>[t, r]</c>; a negative <paramref name="d"/> subtracts.</summary>
    public Instant Add(Instant t, Duration d)
    {
        if (d < Duration.Zero)
        {
            return Subtract(t, -d);
        }

        if (d == Duration.Zero)
        {
            return t;
        }

        var remaining = d;
        for (var from = t; from < Horizon; from += Window)
        {
            foreach (var (start, end) in Segments(from, from + Window))
            {
                if (end - start >= remaining)
                {
                    return start + remaining;
                }

                remaining -= end - start;
            }
        }

        throw new InvalidOperationException("The reference ran past its horizon.");
    }

    /// <summary>The latest <c>r &lt;= t</c> with open time <paramref name="d"/> in <c>[r, t]</c>.</summary>
    public Instant Subtract(Instant t, Duration d)
    {
        if (d == Duration.Zero)
        {
            return t;
        }

        var remaining = d;
        for (var to = t; to > Origin; to -= Window)
        {
            var segments = Segments(to - Window, to);
            for (var i = segments.Count - 1; i >= 0; i--)
            {
                var (start, end) = segments[i];
                if (end - start >= remaining)
                {
                    return end - remaining;
                }

                remaining -= end - start;
            }
        }

        throw new InvalidOperationException("The reference ran past its horizon.");
    }

    /// <summary>Spec 3.3, read literally: count business dates one by one after the local date of <paramref name="t"/>.</summary>
    public Instant AddBusinessDays(Instant t, int days)
    {
        var date = t.InZone(Zone).Date;
        if (days == 0)
        {
            if (IsBusinessDate(date) && t < LastClose(date))
            {
                return LastClose(date);
            }

            days = 1;
        }

        var counted = 0;
        while (true)
        {
            date = date.PlusDays(1);
            if (date.Year > 2600)
            {
                throw new InvalidOperationException("The reference ran past its horizon.");
            }

            if (IsBusinessDate(date) && ++counted == days)
            {
                return LastClose(date);
            }
        }
    }

    /// <summary>
    /// Same local time N days later, resolved leniently; zero days is the start itself (resolving the start's own
    /// local time again would move a start in the second half of a DST overlap back to the first).
    /// </summary>
    public Instant AddCalendarDays(Instant t, int days) => days == 0 ? t : Resolve(t.InZone(Zone).LocalDateTime.PlusDays(days));

    /// <summary>
    /// Spec 3.4 by minute stepping: the amount of unpaused clock time the duration needs, then one minute at a time,
    /// counting a minute only when it is open (business clocks) and not paused. Needs <paramref name="start"/>, the
    /// pauses and every interval edge on whole UTC minutes (true for whole-minute zone offsets).
    /// </summary>
    public Instant DueByMinuteStepping(Instant start, SlaDuration duration, IReadOnlyList<Interval> pauses)
    {
        var (business, amount) = duration.IsBusiness switch
        {
            true when duration.IsFixedLength => (true, duration.FixedLength),
            true => (true, Between(start, AddBusinessDays(start, duration.BusinessDays))),
            false when duration.IsFixedLength => (false, duration.FixedLength),
            false => (false, AddCalendarDays(start, duration.CalendarDays) - start),
        };

        var minutes = (long)amount.TotalMinutes;
        if (Duration.FromMinutes(minutes) != amount)
        {
            throw new ArgumentException("Minute stepping needs whole minutes.", nameof(duration));
        }

        var minute = Duration.FromMinutes(1);
        var t = start;
        var segments = new List<(Instant Start, Instant End)>();
        var segmentsEnd = start;
        var cursor = 0;
        while (minutes > 0)
        {
            var counts = !pauses.Any(p => p.Contains(t));
            if (counts && business)
            {
                while (t >= segmentsEnd)
                {
                    segments = Segments(segmentsEnd, segmentsEnd + Window);
                    segmentsEnd += Window;
                    cursor = 0;
                }

                while (cursor < segments.Count && segments[cursor].End <= t)
                {
                    cursor++;
                }

                counts = cursor < segments.Count && segments[cursor].Start <= t;
            }

            if (counts)
            {
                minutes--;
            }

            t += minute;
            if (t > Horizon)
            {
                throw new InvalidOperationException("The reference ran past its horizon.");
            }
        }

        return t;
    }

    /// <summary>
    /// Spec 3.4 by interval walking (exact to the tick): the clock's time is the open set (or all time, for elapsed
    /// durations) minus the paused intervals.
    /// </summary>
    public Instant Due(Instant start, SlaDuration duration, IReadOnlyList<Interval> pauses)
    {
        var (business, amount) = duration.IsBusiness switch
        {
            true when duration.IsFixedLength => (true, duration.FixedLength),
            true => (true, Between(start, AddBusinessDays(start, duration.BusinessDays))),
            false when duration.IsFixedLength => (false, duration.FixedLength),
            false => (false, AddCalendarDays(start, duration.CalendarDays) - start),
        };

        if (amount <= Duration.Zero)
        {
            return start;
        }

        var remaining = amount;
        for (var from = start; from < Horizon; from += Window)
        {
            var clock = business ? Segments(from, from + Window) : [(from, from + Window)];
            foreach (var (start0, end0) in WithoutPauses(clock, pauses))
            {
                if (end0 - start0 >= remaining)
                {
                    return start0 + remaining;
                }

                remaining -= end0 - start0;
            }
        }

        throw new InvalidOperationException("The reference ran past its horizon.");
    }

    private static List<(Instant Start, Instant End)> WithoutPauses(List<(Instant Start, Instant End)> segments, IReadOnlyList<Interval> pauses)
    {
        var result = segments;
        foreach (var pause in pauses)
        {
            var next = new List<(Instant Start, Instant End)>();
            foreach (var (start, end) in result)
            {
                if (pause.End <= start || pause.Start >= end)
                {
                    next.Add((start, end));
                    continue;
                }

                if (pause.Start > start)
                {
                    next.Add((start, pause.Start));
                }

                if (pause.End < end)
                {
                    next.Add((pause.End, end));
                }
            }

            result = next;
        }

        return result;
    }

    private Instant Resolve(LocalDateTime local) => Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

    private static LocalDate? Occurrence(HolidayDefinition holiday, int year)
    {
        switch (holiday.Form)
        {
            case HolidayForm.Date:
                return holiday.Date.Year == year ? holiday.Date : null;
            case HolidayForm.Yearly:
                return holiday.Month == 2 && holiday.Day == 29 && !CalendarSystem.Iso.IsLeapYear(year)
                    ? null
                    : new LocalDate(year, holiday.Month, holiday.Day);
            default:
                // Walk the month's days and collect the matching weekdays.
                var matches = new List<LocalDate>();
                for (var d = new LocalDate(year, holiday.Month, 1); d.Month == holiday.Month; d = d.PlusDays(1))
                {
                    if (d.DayOfWeek == holiday.DayOfWeek)
                    {
                        matches.Add(d);
                    }
                }

                if (holiday.Nth == -1)
                {
                    return matches[^1];
                }

                return holiday.Nth <= matches.Count ? matches[holiday.Nth - 1] : null;
        }
    }

    private static LocalDate? Observed(HolidayObservance observance, LocalDate date)
    {
        var weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
        if (!weekend || observance == HolidayObservance.None)
        {
            return null;
        }

        if (observance == HolidayObservance.NearestWeekday)
        {
            return date.DayOfWeek == IsoDayOfWeek.Saturday ? date.PlusDays(-1) : date.PlusDays(1);
        }

        var monday = date.PlusDays(1);
        while (monday.DayOfWeek != IsoDayOfWeek.Monday)
        {
            monday = monday.PlusDays(1);
        }

        return monday;
    }
}
