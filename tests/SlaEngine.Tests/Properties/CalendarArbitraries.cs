using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using SlaEngine.Tests.Calendars;
using Interval = NodaTime.Interval;

namespace SlaEngine.Tests.Properties;

/// <summary>
/// Every FsCheck generator of the calendar properties, named and bounded. Calendars are plain
/// <see cref="CalendarDefinition"/>s (fed to both the engine and the <see cref="ReferenceCalendar"/>) around a focus
/// date; instants cluster near that date, with a bias to DST transitions and to interval edges, so short spans keep
/// the slow reference fast while still hitting the interesting places.
/// </summary>
internal static class CalendarArbitraries
{
    /// <summary>Zones with every kind of offset change: US and EU DST, Lord Howe's 30-minute DST, São Paulo's historic DST at midnight, a half-hour zone without DST, Chatham's +12:45, UTC.</summary>
    public static readonly ImmutableArray<string> ZoneIds =
        ["America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham", "UTC"];

    private static readonly IntervalDefinition[][] TypicalDays =
    [
        [new(9 * 60, 12 * 60), new(13 * 60, 17 * 60)], // split office day
        [new(22 * 60, 6 * 60)], // night desk, overnight
        [new(9 * 60, 17 * 60), new(22 * 60, 6 * 60)], // day shift plus overnight
        [new(8 * 60, 12 * 60), new(12 * 60, 16 * 60)], // adjacent intervals
        [new(0, 1440)], // whole day
        [new(0, 2 * 60), new(23 * 60, 1440)], // open around midnight, including 00:00-02:00 (DST at midnight)
        [new(1 * 60, 3 * 60)], // spans the usual 02:00 DST changes
    ];

    public static Gen<string> Zone => Gen.Elements(ZoneIds.AsEnumerable());

    /// <summary>A focus date for a zone: uniform in 1900–2199, or a few days around one of the zone's offset transitions.</summary>
    public static Gen<LocalDate> FocusDate(string zoneId) =>
        from uniformYear in Gen.Choose(1900, 2199)
        from dstYear in Gen.Frequency((1, Gen.Choose(1900, 2199)), (3, Gen.Choose(1965, 2060)))
        from dayOfYear in Gen.Choose(0, 364)
        from pick in Gen.Choose(0, 1000)
        from shift in Gen.Choose(-3, 3)
        from nearTransition in Gen.Frequency((2, Gen.Constant(false)), (3, Gen.Constant(true)))
        select nearTransition
            ? NearTransition(zoneId, dstYear, pick, shift) ?? new LocalDate(dstYear, 1, 1).PlusDays(dayOfYear)
            : new LocalDate(uniformYear, 1, 1).PlusDays(dayOfYear);

    /// <summary>One day's open intervals, sorted and non-overlapping: none, typical shapes, random ones on a 1–60 minute grid, or ending with an overnight one.</summary>
    public static Gen<ImmutableArray<IntervalDefinition>> DayHours =>
        Gen.Frequency(
            (3, Gen.Constant(ImmutableArray<IntervalDefinition>.Empty)),
            (3, Gen.Elements(TypicalDays).Select(d => d.ToImmutableArray())),
            (5, RandomDay(overnight: false)),
            (2, RandomDay(overnight: true)));

    public static Gen<ImmutableArray<ImmutableArray<IntervalDefinition>>> WeeklyHours =>
        Gen.ArrayOf(DayHours, 7).Select(days =>
            days.Any(d => d.Length > 0)
                ? days.ToImmutableArray()
                : days.ToImmutableArray().SetItem(0, [new IntervalDefinition(9 * 60, 17 * 60)]));

    public static Gen<HolidayObservance> Observance =>
        Gen.Frequency(
            (3, Gen.Constant(HolidayObservance.None)),
            (1, Gen.Constant(HolidayObservance.NearestWeekday)),
            (1, Gen.Constant(HolidayObservance.NextMonday)));

    /// <summary>A holiday of any form, mostly landing near the focus date.</summary>
    public static Gen<HolidayDefinition> Holiday(LocalDate focus) =>
        Gen.Frequency(
            (2, from offset in Gen.Choose(-40, 40)
                from observed in Observance
                select HolidayDefinition.OnDate(focus.PlusDays(offset), observed)),
            (2, from offset in Gen.Choose(-40, 40)
                from observed in Observance
                let date = focus.PlusDays(offset)
                select HolidayDefinition.Yearly(date.Month, date.Day, observed)),
            (1, from month in Gen.Choose(1, 12)
                from day in Gen.Choose(1, 31)
                from observed in Observance
                select HolidayDefinition.Yearly(month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(2000, month)), observed)),
            (1, Gen.Constant(HolidayDefinition.Yearly(2, 29))),
            (1, Gen.Constant(HolidayDefinition.Yearly(1, 1, HolidayObservance.NearestWeekday))),
            (2, from nth in Gen.Elements(1, 2, 3, 4, 5, -1)
                from day in Gen.Choose(1, 7)
                from monthShift in Gen.Choose(-1, 1)
                from observed in Observance
                select HolidayDefinition.NthWeekday(nth, (IsoDayOfWeek)day, ((focus.Month + monthShift + 11) % 12) + 1, observed)));

    /// <summary>A whole calendar around a focus date: weekly hours, 0–4 holidays, 0–3 overrides (closed or with hours).</summary>
    public static Gen<CalendarScenario> Scenario =>
        from zoneId in Zone
        from focus in FocusDate(zoneId)
        from weekly in WeeklyHours
        from holidays in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Holiday(focus), n))
        from overrideCount in Gen.Choose(0, 3)
        from overrideOffsets in Gen.ArrayOf(Gen.Choose(-30, 30), overrideCount)
        from overrideHours in Gen.ArrayOf(DayHours, overrideCount)
        select new CalendarScenario(
            new CalendarDefinition(
                zoneId,
                weekly,
                [.. holidays],
                overrideOffsets.Zip(overrideHours)
                    .GroupBy(o => focus.PlusDays(o.First))
                    .ToImmutableSortedDictionary(g => g.Key, g => g.First().Second)),
            focus);

    /// <summary>A scenario whose focus is late enough for every zone offset to be whole minutes (minute stepping works).</summary>
    public static Gen<CalendarScenario> ModernScenario => Scenario.Where(s => s.Focus.Year >= 1975);

    /// <summary>An instant near the focus: anywhere within ±20 days, near an offset transition, or on/near an interval edge.</summary>
    public static Gen<Instant> InstantNear(CalendarScenario scenario) =>
        from kind in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (4, Gen.Constant(2)))
        from seconds in Gen.Choose(-20 * 86400, 20 * 86400)
        from wholeMinute in Gen.Elements(true, true, false)
        from pick in Gen.Choose(0, 1000)
        from dayOffset in Gen.Choose(-20, 20)
        from edgeShift in Gen.Frequency(
            (4, Gen.Constant(0)),
            (1, Gen.Elements(-60, -1, 1, 60)),
            (2, Gen.Choose(-120, 120).Select(m => m * 60)))
        select kind switch
        {
            0 => Center(scenario) + Duration.FromSeconds(wholeMinute ? seconds / 60 * 60 : seconds),
            1 => (Transitions(scenario) is { Count: > 0 } transitions
                    ? transitions[pick % transitions.Count]
                    : Center(scenario)) + Duration.FromSeconds(edgeShift),
            _ => Edge(scenario, dayOffset, pick) + Duration.FromSeconds(edgeShift),
        };

    /// <summary>A business duration: zero, minutes, hours or odd seconds, bounded so the reference stays quick.</summary>
    public static Gen<Duration> BusinessSpan =>
        Gen.Frequency(
            (1, Gen.Constant(Duration.Zero)),
            (4, Gen.Choose(1, 600).Select(m => Duration.FromMinutes(m))),
            (2, Gen.Choose(1, 6000).Select(m => Duration.FromMinutes(m))),
            (1, Gen.Choose(1, 40).Select(h => Duration.FromHours(h))),
            (1, Gen.Choose(1, 200_000).Select(s => Duration.FromSeconds(s))));

    /// <summary>A business-days count: 0 and 1 often, up to 30.</summary>
    public static Gen<int> BusinessDayCount => Gen.Frequency((2, Gen.Elements(0, 1)), (3, Gen.Choose(2, 30)));

    /// <summary>Any policy duration (every unit, business or not), small enough for the minute-stepping reference.</summary>
    public static Gen<SlaDuration> ClockDuration =>
        Gen.OneOf(
            Gen.Choose(0, 600).Select(SlaDuration.BusinessMinutes),
            Gen.Choose(0, 10).Select(SlaDuration.BusinessHours),
            Gen.Choose(0, 5).Select(SlaDuration.BusinessDaysOf),
            Gen.Choose(0, 1).Select(w => new SlaDuration(w, SlaDurationUnit.Weeks, true)),
            Gen.Choose(0, 72).Select(SlaDuration.Hours),
            Gen.Choose(0, 600).Select(m => new SlaDuration(m, SlaDurationUnit.Minutes, false)),
            Gen.Choose(0, 10).Select(SlaDuration.Days),
            Gen.Choose(0, 2).Select(w => new SlaDuration(w, SlaDurationUnit.Weeks, false)));

    /// <summary>Any duration value the parser accepts.</summary>
    public static Gen<SlaDuration> AnyDuration =>
        from amount in Gen.Frequency((3, Gen.Choose(0, 100)), (1, Gen.Choose(0, SlaDuration.MaxAmount)))
        from unit in Gen.Elements(Enum.GetValues<SlaDurationUnit>())
        from business in Gen.Elements(true, false)
        select new SlaDuration(amount, unit, business);

    /// <summary>0–4 paused intervals on whole minutes, starting from 2 days before to 20 days after <paramref name="around"/>.</summary>
    public static Gen<ImmutableArray<Interval>> Pauses(Instant around) =>
        from count in Gen.Choose(0, 4)
        from starts in Gen.ArrayOf(Gen.Choose(-2 * 1440, 20 * 1440), count)
        from lengths in Gen.ArrayOf(Gen.Frequency((2, Gen.Choose(1, 180)), (1, Gen.Choose(1, 3 * 1440))), count)
        select starts.Zip(lengths)
            .Select(p => new Interval(around + Duration.FromMinutes(p.First), around + Duration.FromMinutes(p.First + p.Second)))
            .ToImmutableArray();

    /// <summary>The usual case: one calendar, two instants near its focus and two business durations.</summary>
    public static Arbitrary<CalendarCase> Cases =>
        (from scenario in Scenario
         from t in InstantNear(scenario)
         from u in InstantNear(scenario)
         from d in BusinessSpan
         from e in BusinessSpan
         select new CalendarCase(scenario, t, u, d, e)).ToArbitrary();

    private static Instant Center(CalendarScenario scenario) => scenario.Focus.AtStartOfDayInZone(scenario.Definition.Zone).ToInstant();

    private static List<Instant> Transitions(CalendarScenario scenario)
    {
        var center = Center(scenario);
        return [.. scenario.Definition.Zone.GetZoneIntervals(center - Duration.FromDays(30), center + Duration.FromDays(30))
            .Where(i => i.HasStart && i.Start > center - Duration.FromDays(30))
            .Select(i => i.Start)];
    }

    private static Instant Edge(CalendarScenario scenario, int dayOffset, int pick)
    {
        for (var d = 0; d < 14; d++)
        {
            var intervals = scenario.Reference.IntervalsOn(scenario.Focus.PlusDays(dayOffset + d));
            if (intervals.Count > 0)
            {
                var interval = intervals[pick % intervals.Count];
                return pick % 2 == 0 ? interval.Open : interval.Close;
            }
        }

        return Center(scenario);
    }

    private static LocalDate? NearTransition(string zoneId, int year, int pick, int shift)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var transitions = zone.GetZoneIntervals(Instant.FromUtc(year, 1, 1, 0, 0), Instant.FromUtc(year + 1, 1, 1, 0, 0))
            .Where(i => i.HasStart && i.Start.InUtc().Year == year)
            .ToList();
        return transitions.Count == 0 ? null : transitions[pick % transitions.Count].Start.InZone(zone).Date.PlusDays(shift);
    }

    private static Gen<ImmutableArray<IntervalDefinition>> RandomDay(bool overnight) =>
        from grid in Gen.Elements(1, 5, 15, 30, 60)
        from count in Gen.Choose(overnight ? 0 : 1, 3)
        from points in Gen.ArrayOf(Gen.Choose(0, 1440 / grid), count * 2)
        from overnightOpen in Gen.Choose(0, 1000)
        from overnightClose in Gen.Choose(0, 1000)
        select Day(grid, points, overnight, overnightOpen, overnightClose);

    private static ImmutableArray<IntervalDefinition> Day(int grid, int[] points, bool overnight, int openPick, int closePick)
    {
        var minutes = points.Select(p => p * grid).Distinct().Order().ToList();
        if (minutes.Count % 2 == 1)
        {
            minutes.RemoveAt(minutes.Count - 1);
        }

        var result = new List<IntervalDefinition>();
        for (var i = 0; i + 1 < minutes.Count; i += 2)
        {
            if (minutes[i] < 1440)
            {
                result.Add(new IntervalDefinition(minutes[i], minutes[i + 1]));
            }
        }

        if (overnight)
        {
            // The overnight interval opens after every other interval of the day and closes (next date) before its open.
            var earliest = result.Count == 0 ? 1 : result[^1].CloseMinute;
            if (earliest < 1439)
            {
                var open = earliest + (openPick % (1439 - earliest));
                open -= open % grid;
                open = Math.Max(open, earliest);
                var close = closePick % open;
                close -= close % grid;
                if (close != open && open < 1440)
                {
                    result.Add(new IntervalDefinition(open, close));
                }
            }
        }

        return [.. result];
    }
}

/// <summary>A generated calendar definition, its focus date, and (built on first use) the engine calendar and the reference.</summary>
internal sealed class CalendarScenario(CalendarDefinition definition, LocalDate focus)
{
    private BusinessCalendar? _calendar;
    private ReferenceCalendar? _reference;

    public CalendarDefinition Definition { get; } = definition;

    public LocalDate Focus { get; } = focus;

    public BusinessCalendar Calendar => _calendar ??= Definition.Build();

    public ReferenceCalendar Reference => _reference ??= new ReferenceCalendar(Definition);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"focus {Focus:uuuu-MM-dd}; {Definition}");
}

/// <summary>One property case: a calendar, two instants and two business durations.</summary>
internal sealed record CalendarCase(CalendarScenario Scenario, Instant T, Instant U, Duration D, Duration E)
{
    public BusinessCalendar Calendar => Scenario.Calendar;

    public ReferenceCalendar Reference => Scenario.Reference;

    public override string ToString() =>
        $"t={InstantPattern.ExtendedIso.Format(T)} u={InstantPattern.ExtendedIso.Format(U)} d={D} e={E}; {Scenario}";
}
