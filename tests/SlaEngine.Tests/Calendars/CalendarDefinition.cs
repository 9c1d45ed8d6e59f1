using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>
/// A plain-data calendar definition for tests. The same object is fed to <see cref="BusinessCalendarBuilder"/>
/// (the engine) and to <see cref="ReferenceCalendar"/> (the slow model), so the reference never reads the engine's internals.
/// </summary>
/// <param name="OpenMinute">Minute of the day the interval opens, 0–1439.</param>
/// <param name="CloseMinute">Minute of the day it closes, 1–1440 (1440 = 24:00); at or before the open means the next date.</param>
internal sealed record IntervalDefinition(int OpenMinute, int CloseMinute)
{
    public bool IsWholeDayEnd => CloseMinute == 1440;

    public bool IsOvernight => CloseMinute != 1440 && CloseMinute <= OpenMinute;

    /// <summary>The close in minutes from the opening date's midnight (over 1440 for overnight intervals).</summary>
    public int ExtendedCloseMinute => IsOvernight ? CloseMinute + 1440 : CloseMinute;

    public OpenInterval ToOpenInterval() => OpenInterval.FromHours(OpenMinute / 60, OpenMinute % 60, CloseMinute / 60, CloseMinute % 60);

    public static IntervalDefinition Parse(string text)
    {
        var parts = text.Split('-');
        return new IntervalDefinition(Minutes(parts[0]), Minutes(parts[1]));

        static int Minutes(string hhmm) =>
            (int.Parse(hhmm[..2], CultureInfo.InvariantCulture) * 60) + int.Parse(hhmm[3..], CultureInfo.InvariantCulture);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{OpenMinute / 60:00}:{OpenMinute % 60:00}-{CloseMinute / 60:00}:{CloseMinute % 60:00}");
}

/// <summary>The forms a holiday can take in a policy.</summary>
internal enum HolidayForm
{
    Date,
    Yearly,
    NthWeekday,
}

/// <summary>A holiday as plain data (see <see cref="CalendarDefinition"/>).</summary>
internal sealed record HolidayDefinition(HolidayForm Form, LocalDate Date, int Month, int Day, int Nth, IsoDayOfWeek DayOfWeek, HolidayObservance Observed)
{
    public static HolidayDefinition OnDate(LocalDate date, HolidayObservance observed = HolidayObservance.None) =>
        new(HolidayForm.Date, date, 0, 0, 0, IsoDayOfWeek.None, observed);

    public static HolidayDefinition Yearly(int month, int day, HolidayObservance observed = HolidayObservance.None) =>
        new(HolidayForm.Yearly, default, month, day, 0, IsoDayOfWeek.None, observed);

    public static HolidayDefinition NthWeekday(int nth, IsoDayOfWeek dayOfWeek, int month, HolidayObservance observed = HolidayObservance.None) =>
        new(HolidayForm.NthWeekday, default, month, 0, nth, dayOfWeek, observed);

    public Holiday ToHoliday() => Form switch
    {
        HolidayForm.Date => Holiday.OnDate(Date, observed: Observed),
        HolidayForm.Yearly => Holiday.Yearly(Month, Day, observed: Observed),
        _ => Holiday.NthWeekdayOfMonth(Nth, DayOfWeek, Month, observed: Observed),
    };

    public override string ToString()
    {
        var rule = Form switch
        {
            HolidayForm.Date => Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            HolidayForm.Yearly => string.Create(CultureInfo.InvariantCulture, $"{Month:00}-{Day:00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(Nth == -1 ? "last" : Nth.ToString(CultureInfo.InvariantCulture))} {DayOfWeek} of {Month}"),
        };
        return Observed == HolidayObservance.None ? rule : $"{rule} (observed {Observed})";
    }
}

/// <summary>A whole calendar as plain data.</summary>
/// <param name="ZoneId">The tzdb zone id.</param>
/// <param name="Weekly">Seven lists, Monday first.</param>
/// <param name="Holidays">The holidays.</param>
/// <param name="Overrides">Date overrides (an empty list closes the date).</param>
internal sealed record CalendarDefinition(
    string ZoneId,
    ImmutableArray<ImmutableArray<IntervalDefinition>> Weekly,
    ImmutableArray<HolidayDefinition> Holidays,
    ImmutableSortedDictionary<LocalDate, ImmutableArray<IntervalDefinition>> Overrides)
{
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    public ImmutableArray<IntervalDefinition> WeeklyOn(IsoDayOfWeek day) => Weekly[(int)day - 1];

    public BusinessCalendar Build(string name = "generated")
    {
        var builder = new BusinessCalendarBuilder(name, Zone);
        for (var d = 1; d <= 7; d++)
        {
            builder.WithHours((IsoDayOfWeek)d, [.. Weekly[d - 1].Select(i => i.ToOpenInterval())]);
        }

        foreach (var holiday in Holidays)
        {
            builder.WithHoliday(holiday.ToHoliday());
        }

        foreach (var (date, intervals) in Overrides)
        {
            builder.WithOverride(date, [.. intervals.Select(i => i.ToOpenInterval())]);
        }

        return builder.Build();
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"zone {ZoneId}; hours");
        for (var d = 1; d <= 7; d++)
        {
            text.Append(CultureInfo.InvariantCulture, $" {(IsoDayOfWeek)d}:[{string.Join(",", Weekly[d - 1])}]");
        }

        text.Append("; holidays [").Append(string.Join(", ", Holidays)).Append("]; overrides [");
        text.Append(string.Join(", ", Overrides.Select(o => $"{o.Key:uuuu-MM-dd}:[{string.Join(",", o.Value)}]")));
        return text.Append(']').ToString();
    }

    /// <summary>Starts a definition with the same hours on Monday to Friday.</summary>
    public static CalendarDefinition Weekdays(string zoneId, params string[] intervals) =>
        new(
            zoneId,
            [.. Enumerable.Range(1, 7).Select(d => d <= 5 ? intervals.Select(IntervalDefinition.Parse).ToImmutableArray() : [])],
            [],
            ImmutableSortedDictionary<LocalDate, ImmutableArray<IntervalDefinition>>.Empty);

    public CalendarDefinition WithDay(IsoDayOfWeek day, params string[] intervals) =>
        this with { Weekly = Weekly.SetItem((int)day - 1, [.. intervals.Select(IntervalDefinition.Parse)]) };

    public CalendarDefinition WithHoliday(HolidayDefinition holiday) => this with { Holidays = Holidays.Add(holiday) };

    public CalendarDefinition WithOverride(LocalDate date, params string[] intervals) =>
        this with { Overrides = Overrides.SetItem(date, [.. intervals.Select(IntervalDefinition.Parse)]) };
}
