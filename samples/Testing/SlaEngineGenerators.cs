using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Samples.Testing;

/// <summary>
/// Named, bounded FsCheck 3 generators for SlaEngine types, to copy into a test project of your own. Every generator
/// stays inside the range the engine supports (years 1700–2499) and produces only valid values, so a failing property
/// points at behaviour, not at a generator that produced garbage.
/// </summary>
/// <example>
/// <code>
/// Check.One(Config.QuickThrowOnFailure, Prop.ForAll(
///     SlaEngineGenerators.Calendars().ToArbitrary(),
///     SlaEngineGenerators.Instants().ToArbitrary(),
///     (calendar, start) => calendar.Add(start, Duration.Zero) == start));
/// </code>
/// </example>
public static class SlaEngineGenerators
{
    /// <summary>Zones with interesting rules: DST in both hemispheres, a half-hour offset, a zone that dropped DST, UTC.</summary>
    public static readonly string[] ZoneIds =
    [
        "America/New_York",     // US DST: spring gap 02:00-03:00, autumn overlap 01:00-02:00
        "Europe/London",        // EU DST at 01:00 UTC
        "Australia/Sydney",     // southern hemisphere: DST over the new year
        "Asia/Kolkata",         // +05:30, no DST
        "America/Sao_Paulo",    // DST until 2019, none after
        "UTC",
    ];

    /// <summary>A time zone from <see cref="ZoneIds"/>.</summary>
    /// <returns>The generator.</returns>
    public static Gen<DateTimeZone> Zones() => Gen.Elements(ZoneIds).Select(id => DateTimeZoneProviders.Tzdb[id]);

    /// <summary>
    /// The open intervals of one day: 0 to 3 non-overlapping, non-overnight intervals on a quarter-hour grid, sorted.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<OpenInterval[]> DayHours() =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 3)))
        from boundaries in Gen.ArrayOf(Gen.Choose(0, 96), count * 2)
        select ToIntervals(boundaries);

    /// <summary>
    /// A business calendar built with <see cref="BusinessCalendarBuilder"/>: a zone, weekly hours (Monday is never
    /// closed, so every calendar has open time), up to three holidays of each kind and up to two date overrides.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<BusinessCalendar> Calendars() =>
        from zone in Zones()
        from monday in DayHours().Where(h => h.Length > 0)
        from otherDays in Gen.ArrayOf(DayHours(), 6)
        from yearly in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(YearlyHolidays(), n))
        from nth in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(NthWeekdayHolidays(), n))
        from overrides in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Overrides(), n))
        select Build(zone, monday, otherDays, yearly.Concat(nth), overrides);

    /// <summary>An instant between 2020 and 2030, on whole minutes, often near a DST transition or a day boundary.</summary>
    /// <returns>The generator.</returns>
    public static Gen<Instant> Instants() =>
        Gen.Frequency(
            (3, Gen.Choose(0, (int)((Instant.FromUtc(2030, 1, 1, 0, 0) - Instant.FromUtc(2020, 1, 1, 0, 0)).TotalMinutes)).Select(m => Instant.FromUtc(2020, 1, 1, 0, 0) + Duration.FromMinutes(m))),
            (1, from year in Gen.Choose(2020, 2029)
                from transition in Gen.Elements(Instant.FromUtc(year, 3, 8, 7, 0), Instant.FromUtc(year, 3, 29, 1, 0), Instant.FromUtc(year, 10, 25, 1, 0), Instant.FromUtc(year, 11, 1, 6, 0))
                from offset in Gen.Choose(-180, 180)
                select transition + Duration.FromMinutes(offset)));

    /// <summary>A non-negative business-time budget in whole minutes, up to 2,000 hours (many months of open time).</summary>
    /// <returns>The generator.</returns>
    public static Gen<Duration> BusinessTime() =>
        Gen.Frequency(
            (3, Gen.Choose(0, 8 * 60).Select(m => Duration.FromMinutes(m))),
            (1, Gen.Choose(0, 2000 * 60).Select(m => Duration.FromMinutes(m))));

    /// <summary>An SLA duration of the policy language: any unit, business or elapsed, amount 0 to 60.</summary>
    /// <returns>The generator.</returns>
    public static Gen<SlaDuration> SlaDurations() =>
        from amount in Gen.Choose(0, 60)
        from unit in Gen.Elements(SlaDurationUnit.Minutes, SlaDurationUnit.Hours, SlaDurationUnit.Days, SlaDurationUnit.Weeks)
        from business in Gen.Elements(true, false)
        select new SlaDuration(amount, unit, business);

    private static Gen<Holiday> YearlyHolidays() =>
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from observed in Gen.Elements(HolidayObservance.None, HolidayObservance.NearestWeekday, HolidayObservance.NextMonday)
        select Holiday.Yearly(month, day, observed: observed);

    private static Gen<Holiday> NthWeekdayHolidays() =>
        from nth in Gen.Choose(1, 4)
        from day in Gen.Choose(1, 7)
        from month in Gen.Choose(1, 12)
        select Holiday.NthWeekdayOfMonth(nth, (IsoDayOfWeek)day, month);

    private static Gen<(LocalDate Date, OpenInterval[] Hours)> Overrides() =>
        from days in Gen.Choose(0, 3650)
        from hours in DayHours()
        select (new LocalDate(2020, 1, 1).PlusDays(days), hours);

    private static OpenInterval[] ToIntervals(int[] boundaries)
    {
        var points = boundaries.Distinct().Order().ToArray();
        var intervals = new List<OpenInterval>();
        for (var i = 0; i + 1 < points.Length; i += 2)
        {
            intervals.Add(points[i + 1] == 96
                ? new OpenInterval(Quarter(points[i]), LocalTime.Midnight, closesAtEndOfDay: true)
                : new OpenInterval(Quarter(points[i]), Quarter(points[i + 1])));
        }

        return [.. intervals];
    }

    private static LocalTime Quarter(int index) => LocalTime.FromMinutesSinceMidnight(index * 15);

    private static BusinessCalendar Build(DateTimeZone zone, OpenInterval[] monday, OpenInterval[][] otherDays, IEnumerable<Holiday> holidays, (LocalDate Date, OpenInterval[] Hours)[] overrides)
    {
        var builder = new BusinessCalendarBuilder("generated", zone).WithHours(IsoDayOfWeek.Monday, monday);
        for (var d = 0; d < otherDays.Length; d++)
        {
            builder.WithHours((IsoDayOfWeek)(d + 2), otherDays[d]);
        }

        foreach (var holiday in holidays)
        {
            builder.WithHoliday(holiday);
        }

        foreach (var (date, hours) in overrides)
        {
            builder.WithOverride(date, hours);
        }

        return builder.Build();
    }
}
