using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace SlaEngine.Calendars;

/// <summary>
/// A business calendar: a time zone plus weekly open intervals, holidays and date overrides, with exact,
/// fast business-time arithmetic.
/// </summary>
/// <remarks>
/// <para>
/// Open intervals are half-open <c>[open, close)</c> in local time on their date and are turned into instants with
/// NodaTime's <see cref="Resolvers.LenientResolver"/>: a local time skipped by a daylight-saving gap moves forward by
/// the gap's length, and an ambiguous local time takes the earlier instant. An overnight interval belongs to the date
/// it opens on. A holiday closes its whole date (an overnight interval opening the day before still runs to its end);
/// an override replaces the weekly hours of its date and wins over a holiday on the same date.
/// </para>
/// <para>
/// The calendar precomputes its open time lazily, one year at a time, so <see cref="Add(Instant, Duration)"/>,
/// <see cref="Between(Instant, Instant)"/> and <see cref="AddBusinessDays"/> are binary searches whose cost hardly
/// depends on the span. Instants from 1700 to 2499 are supported; results are exact to the tick (100 ns).
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>The first supported year.</summary>
    public const int MinYear = 1700;

    /// <summary>The last supported year.</summary>
    public const int MaxYear = 2499;

    private static readonly long[] YearStartTicks = Enumerable.Range(MinYear, MaxYear - MinYear + 2)
        .Select(y => Instant.FromUtc(y, 1, 1, 0, 0).ToUnixTimeTicks())
        .ToArray();

    private readonly ImmutableArray<OpenInterval>[] _weekly;
    private readonly OpenTimeChunk?[] _chunks = new OpenTimeChunk?[MaxYear - MinYear + 1];
    private readonly CalendarYear?[] _years = new CalendarYear?[MaxYear - MinYear + 1];

    internal BusinessCalendar(
        string name,
        DateTimeZone zone,
        ImmutableArray<OpenInterval>[] weekly,
        ImmutableArray<Holiday> holidays,
        ImmutableDictionary<LocalDate, ImmutableArray<OpenInterval>> overrides)
    {
        Name = name;
        Zone = zone;
        _weekly = weekly;
        Holidays = holidays;
        Overrides = overrides;
        Description = string.Create(CultureInfo.InvariantCulture, $"{name} ({zone.Id})");
    }

    /// <summary>Gets the calendar's name.</summary>
    public string Name { get; }

    /// <summary>Gets <c>name (zone)</c>, computed once.</summary>
    internal string Description { get; }

    /// <summary>Gets the calendar's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the holidays.</summary>
    public ImmutableArray<Holiday> Holidays { get; }

    /// <summary>Gets the date overrides (an empty list means closed).</summary>
    public ImmutableDictionary<LocalDate, ImmutableArray<OpenInterval>> Overrides { get; }

    /// <summary>Gets the weekly open intervals of a weekday.</summary>
    /// <param name="day">The weekday.</param>
    /// <returns>The intervals, possibly empty.</returns>
    public ImmutableArray<OpenInterval> WeeklyHours(IsoDayOfWeek day) => _weekly[(int)day];

    /// <summary>Gets the open intervals that apply on a date, after holidays and overrides.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>The intervals opening on that date, possibly empty.</returns>
    public ImmutableArray<OpenInterval> HoursOn(LocalDate date)
    {
        if (Overrides.TryGetValue(date, out var overridden))
        {
            return overridden;
        }

        return GetYear(date.Year).HolidayClosed[CalendarYear.DayIndex(date)] ? [] : _weekly[(int)date.DayOfWeek];
    }

    /// <summary>
    /// Enumerates the open intervals that overlap <c>[start, end)</c>, date by date in the calendar's zone, in order of
    /// opening, after holidays and overrides (see <see cref="HoursOn(LocalDate)"/>). Periods are not clipped to the span: the first
    /// may open before <paramref name="start"/> (an overnight interval from the previous date) and the last may close
    /// after <paramref name="end"/>.
    /// </summary>
    /// <param name="start">The start of the span (inclusive).</param>
    /// <param name="end">The end of the span (exclusive).</param>
    /// <returns>The open periods, lazily.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The span leaves the supported years (when enumerated).</exception>
    public IEnumerable<OpenPeriod> OpenPeriods(Instant start, Instant end)
    {
        if (end < start)
        {
            throw new ArgumentException("The end of the span is before its start.", nameof(end));
        }

        return Enumerate(start, end);

        IEnumerable<OpenPeriod> Enumerate(Instant from, Instant to)
        {
            var last = to.InZone(Zone).Date;
            for (var date = from.InZone(Zone).Date.PlusDays(-1); date <= last; date = date.PlusDays(1))
            {
                var isOverride = Overrides.ContainsKey(date);
                foreach (var interval in HoursOn(date).OrderBy(i => i.Open))
                {
                    var (open, close) = ResolveInterval(date, interval);
                    if (close > from.ToUnixTimeTicks() && open < to.ToUnixTimeTicks())
                    {
                        yield return new OpenPeriod(date, interval, Instant.FromUnixTimeTicks(open), Instant.FromUnixTimeTicks(close), isOverride);
                    }
                }
            }
        }
    }

    /// <summary>Whether <paramref name="date"/> is a business date (at least one open interval opens on it).</summary>
    /// <param name="date">The local date.</param>
    /// <returns>Whether it is a business date.</returns>
    public bool IsBusinessDate(LocalDate date) => GetYear(date.Year).IsBusinessDay(CalendarYear.DayIndex(date));

    /// <summary>Whether <paramref name="instant"/> lies inside an open interval.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Whether the calendar is open then.</returns>
    public bool IsOpen(Instant instant)
    {
        var t = instant.ToUnixTimeTicks();
        var chunk = GetChunk(ChunkIndex(t));
        var i = chunk.LastStartingAtOrBefore(t);
        return i >= 0 && t < chunk.Ends[i];
    }

    /// <summary>Returns <paramref name="instant"/> itself when the calendar is open then, else the next opening.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The instant or the next opening.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No opening before the end of the supported range.</exception>
    public Instant NextOpen(Instant instant)
    {
        var t = instant.ToUnixTimeTicks();
        var k = ChunkIndex(t);
        var chunk = GetChunk(k);
        var i = chunk.LastStartingAtOrBefore(t);
        if (i >= 0 && t < chunk.Ends[i])
        {
            return instant;
        }

        while (true)
        {
            if (i + 1 < chunk.Starts.Length)
            {
                return Instant.FromUnixTimeTicks(chunk.Starts[i + 1]);
            }

            chunk = GetChunk(++k);
            i = -1;
        }
    }

    /// <summary>
    /// Adds business time: the earliest instant <c>r &gt;= t</c> such that the open time inside <c>[t, r]</c> equals
    /// <paramref name="duration"/>. A negative duration subtracts: the latest <c>r &lt;= t</c> with that much open time in <c>[r, t]</c>.
    /// </summary>
    /// <remarks>
    /// <c>Add(t, Duration.Zero)</c> is <c>t</c>; an instant outside hours starts consuming at the next opening; a budget
    /// that runs out exactly at a close gives that close, not the next opening.
    /// </remarks>
    /// <param name="start">The start instant.</param>
    /// <param name="duration">The business time to add (negative to subtract).</param>
    /// <returns>The resulting instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The result falls outside the supported years.</exception>
    public Instant Add(Instant start, Duration duration)
    {
        var d = duration.BclCompatibleTicks;
        if (d == 0)
        {
            return start;
        }

        var t = start.ToUnixTimeTicks();
        var k = ChunkIndex(t);
        var chunk = GetChunk(k);
        if (d > 0)
        {
            var target = chunk.OpenBefore(t) + d;
            while (target > chunk.Total)
            {
                target -= chunk.Total;
                chunk = GetChunk(++k);
            }

            return Instant.FromUnixTimeTicks(chunk.EarliestReaching(target));
        }
        else
        {
            var target = chunk.OpenBefore(t) + d;
            while (target < 0)
            {
                chunk = GetChunk(--k);
                target += chunk.Total;
            }

            return Instant.FromUnixTimeTicks(chunk.LatestReaching(target));
        }
    }

    /// <summary>The business time inside <c>[a, b)</c>; negative when <paramref name="b"/> is before <paramref name="a"/>.</summary>
    /// <param name="a">The first instant.</param>
    /// <param name="b">The second instant.</param>
    /// <returns>The open time between them.</returns>
    public Duration Between(Instant a, Instant b) => Duration.FromTicks(BetweenTicks(a.ToUnixTimeTicks(), b.ToUnixTimeTicks()));

    /// <summary>
    /// Adds business days: for <paramref name="days"/> &gt;= 1, the last close of the N-th business date strictly after
    /// the local date of <paramref name="start"/> (the day of receipt never counts). For 0, the last close of the start's
    /// date when it is a business date and <paramref name="start"/> is before that close, else the last close of the next business date.
    /// </summary>
    /// <param name="start">The start instant.</param>
    /// <param name="days">The number of business days, at least 0.</param>
    /// <returns>The deadline instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative, or the result is outside the supported years.</exception>
    public Instant AddBusinessDays(Instant start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start.InZone(Zone).Date;
        var year = GetYear(date.Year);
        var dayIndex = CalendarYear.DayIndex(date);
        var ordinal = year.BusinessBefore[dayIndex + 1]; // business dates up to and including D
        if (days == 0)
        {
            if (year.IsBusinessDay(dayIndex) && start.ToUnixTimeTicks() < year.LastClose[ordinal - 1])
            {
                return Instant.FromUnixTimeTicks(year.LastClose[ordinal - 1]);
            }

            days = 1;
        }

        var index = ordinal + days - 1;
        var y = date.Year;
        while (index >= year.BusinessDayCount)
        {
            index -= year.BusinessDayCount;
            year = GetYear(++y);
        }

        return Instant.FromUnixTimeTicks(year.LastClose[index]);
    }

    /// <summary>
    /// Subtracts business days: the first opening of the N-th business date strictly before the local date of
    /// <paramref name="start"/> (N &gt;= 1); for 0, <see cref="NextOpen"/> of the start.
    /// </summary>
    /// <param name="start">The start instant.</param>
    /// <param name="days">The number of business days, at least 0.</param>
    /// <returns>The instant.</returns>
    public Instant SubtractBusinessDays(Instant start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return NextOpen(start);
        }

        var date = start.InZone(Zone).Date;
        var y = date.Year;
        var year = GetYear(y);
        var index = year.BusinessBefore[CalendarYear.DayIndex(date)] - days;
        while (index < 0)
        {
            year = GetYear(--y);
            index += year.BusinessDayCount;
        }

        var businessDate = new LocalDate(y, 1, 1).PlusDays(year.BusinessDays[index]);
        var first = HoursOn(businessDate).Min(i => i.Open);
        return Resolve(businessDate.At(first));
    }

    /// <summary>Adds calendar days at the same local time in the calendar's zone (resolved leniently).</summary>
    /// <remarks>
    /// Zero days returns <paramref name="start"/> itself: resolving the start's own local time again would move a start
    /// in the second half of a DST overlap back to the first occurrence, before the start.
    /// </remarks>
    /// <param name="start">The start instant.</param>
    /// <param name="days">The number of days; negative subtracts.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The result would be past the first or last date NodaTime represents (years -9998 and 9999).</exception>
    public Instant AddCalendarDays(Instant start, int days)
    {
        if (days == 0)
        {
            return start;
        }

        try
        {
            return Resolve(start.InZone(Zone).LocalDateTime.PlusDays(days));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            // Past NodaTime's calendar (the end of 9999): the same out-of-range error as business time past 2499,
            // not NodaTime's own (whose parameter is `daysSinceEpoch`).
            throw OutOfRange();
        }
    }

    /// <summary>
    /// Adds a policy-language duration: business minutes/hours via <see cref="Add(Instant, Duration)"/>,
    /// business days via <see cref="AddBusinessDays"/>, elapsed minutes/hours as plain time, calendar days/weeks via
    /// <see cref="AddCalendarDays"/>.
    /// </summary>
    /// <param name="start">The start instant.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>The deadline.</returns>
    public Instant Add(Instant start, SlaDuration duration) => Add(start, duration, PauseSchedule.Empty);

    /// <summary>
    /// Adds a policy-language duration on a pause-aware clock: time inside a paused interval never counts.
    /// </summary>
    /// <param name="start">The start instant.</param>
    /// <param name="duration">The duration.</param>
    /// <param name="pauses">The paused intervals.</param>
    /// <returns>The instant at which the required amount of unpaused time has passed.</returns>
    public Instant Add(Instant start, SlaDuration duration, PauseSchedule pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        return new SlaClock(this, duration.IsBusiness, pauses).Due(start, duration);
    }

    /// <summary>
    /// Subtracts a policy-language duration: business minutes/hours via a negative <see cref="Add(Instant, Duration)"/>,
    /// business days via <see cref="SubtractBusinessDays"/>, elapsed time and calendar days plainly.
    /// </summary>
    /// <param name="start">The start instant.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>The instant.</returns>
    public Instant Subtract(Instant start, SlaDuration duration) => (duration.IsBusiness, duration.IsFixedLength) switch
    {
        (true, true) => Add(start, -duration.FixedLength),
        (true, false) => SubtractBusinessDays(start, duration.BusinessDays),
        (false, true) => duration.FixedLength <= start - Instant.MinValue ? start - duration.FixedLength : throw OutOfRange(),
        _ => AddCalendarDays(start, -duration.CalendarDays),
    };

    /// <inheritdoc/>
    public override string ToString() => Description;

    internal long BetweenTicks(long a, long b)
    {
        if (b < a)
        {
            return -BetweenTicks(b, a);
        }

        var ka = ChunkIndex(a);
        var kb = ChunkIndex(b);
        var chunkA = GetChunk(ka);
        if (ka == kb)
        {
            return chunkA.OpenBefore(b) - chunkA.OpenBefore(a);
        }

        var total = chunkA.Total - chunkA.OpenBefore(a);
        for (var k = ka + 1; k < kb; k++)
        {
            total += GetChunk(k).Total;
        }

        return total + GetChunk(kb).OpenBefore(b);
    }

    internal Instant Resolve(LocalDateTime local)
    {
        // Without allocating (the common case): the local time read with the offset in force there, when that instant
        // is more than two days from either end of its zone interval, so no other offset can map to the same local time
        // (no gap, no overlap). Near a transition, NodaTime's lenient resolver decides.
        var asUtc = local.InUtc().ToInstant();
        var guess = Zone.GetZoneInterval(asUtc);
        var candidate = asUtc - Duration.FromSeconds(guess.WallOffset.Seconds);
        var actual = Zone.GetZoneInterval(candidate);
        if (actual.WallOffset == guess.WallOffset
            && (!actual.HasStart || candidate - actual.Start > TransitionMargin)
            && (!actual.HasEnd || actual.End - candidate > TransitionMargin))
        {
            return candidate;
        }

        return Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();
    }

    private static readonly Duration TransitionMargin = Duration.FromDays(2);

    private static int ChunkIndex(long ticks)
    {
        // Estimate the UTC year, then correct it against the table of year starts.
        var k = (int)((ticks - YearStartTicks[0]) / (TimeSpan.TicksPerDay * 365L));
        k = Math.Clamp(k, 0, YearStartTicks.Length - 2);
        while (k > 0 && ticks < YearStartTicks[k])
        {
            k--;
        }

        while (k < YearStartTicks.Length - 2 && ticks >= YearStartTicks[k + 1])
        {
            k++;
        }

        if (ticks < YearStartTicks[0] || ticks >= YearStartTicks[^1])
        {
            throw OutOfRange();
        }

        return k;
    }

    private static ArgumentOutOfRangeException OutOfRange() =>
        new("instant", string.Create(CultureInfo.InvariantCulture, $"Business-time arithmetic is supported for instants from {MinYear} to {MaxYear}."));

    private OpenTimeChunk GetChunk(int k)
    {
        if ((uint)k >= (uint)_chunks.Length)
        {
            throw OutOfRange();
        }

        var chunk = Volatile.Read(ref _chunks[k]);
        if (chunk is null)
        {
            chunk = BuildChunk(k);
            Interlocked.CompareExchange(ref _chunks[k], chunk, null);
        }

        return chunk;
    }

    private CalendarYear GetYear(int year)
    {
        var k = year - MinYear;
        if ((uint)k >= (uint)_years.Length)
        {
            throw OutOfRange();
        }

        var value = Volatile.Read(ref _years[k]);
        if (value is null)
        {
            value = BuildYear(year);
            Interlocked.CompareExchange(ref _years[k], value, null);
        }

        return value;
    }

    private ImmutableArray<OpenInterval> HoursOn(LocalDate date, bool[] holidayClosed) =>
        Overrides.TryGetValue(date, out var overridden)
            ? overridden
            : holidayClosed[CalendarYear.DayIndex(date)] ? [] : _weekly[(int)date.DayOfWeek];

    private (long Open, long Close) ResolveInterval(LocalDate date, OpenInterval interval)
    {
        var open = Resolve(date.At(interval.Open)).ToUnixTimeTicks();
        var closeDate = interval.ClosesAtEndOfDay || interval.IsOvernight ? date.PlusDays(1) : date;
        var close = Resolve(closeDate.At(interval.Close)).ToUnixTimeTicks();
        return (open, close);
    }

    private CalendarYear BuildYear(int year)
    {
        var first = new LocalDate(year, 1, 1);
        var length = CalendarSystem.Iso.GetDaysInYear(year);
        var closedDates = new HashSet<LocalDate>();
        foreach (var holiday in Holidays)
        {
            holiday.AddClosedDates(year, closedDates);
        }

        var holidayClosed = new bool[length];
        foreach (var date in closedDates)
        {
            holidayClosed[CalendarYear.DayIndex(date)] = true;
        }

        var businessBefore = new int[length + 1];
        var businessDays = new List<int>();
        var lastClose = new List<long>();
        for (var i = 0; i < length; i++)
        {
            var date = first.PlusDays(i);
            var hours = HoursOn(date, holidayClosed);
            businessBefore[i + 1] = businessBefore[i] + (hours.IsEmpty ? 0 : 1);
            if (!hours.IsEmpty)
            {
                businessDays.Add(i);
                lastClose.Add(hours.Max(h => ResolveInterval(date, h).Close));
            }
        }

        return new CalendarYear(year, holidayClosed, businessBefore, [.. businessDays], [.. lastClose]);
    }

    private OpenTimeChunk BuildChunk(int k)
    {
        var chunkStart = YearStartTicks[k];
        var chunkEnd = YearStartTicks[k + 1];
        var utcYear = MinYear + k;

        // Intervals opening on these local dates can reach into the UTC year (offsets stay within ±18 h,
        // an overnight interval closes the next day).
        var intervals = new List<(long Open, long Close)>();
        var from = new LocalDate(Math.Max(MinYear, utcYear - 1), utcYear == MinYear ? 1 : 12, utcYear == MinYear ? 1 : 28);
        var to = new LocalDate(Math.Min(MaxYear, utcYear + 1), utcYear == MaxYear ? 12 : 1, utcYear == MaxYear ? 31 : 2);
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            foreach (var interval in HoursOn(date, GetYear(date.Year).HolidayClosed))
            {
                var (open, close) = ResolveInterval(date, interval);
                open = Math.Max(open, chunkStart);
                close = Math.Min(close, chunkEnd);
                if (close > open)
                {
                    intervals.Add((open, close));
                }
            }
        }

        intervals.Sort();
        var starts = new List<long>();
        var ends = new List<long>();
        foreach (var (open, close) in intervals)
        {
            if (ends.Count > 0 && open <= ends[^1])
            {
                ends[^1] = Math.Max(ends[^1], close);
            }
            else
            {
                starts.Add(open);
                ends.Add(close);
            }
        }

        var cumulative = new long[starts.Count];
        for (var i = 1; i < starts.Count; i++)
        {
            cumulative[i] = cumulative[i - 1] + (ends[i - 1] - starts[i - 1]);
        }

        return new OpenTimeChunk(chunkStart, chunkEnd, [.. starts], [.. ends], cumulative);
    }
}
