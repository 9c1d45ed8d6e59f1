using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>Calendars and helpers shared by the plain calendar tests.</summary>
internal static class TestCalendars
{
    public static DateTimeZone NewYork => DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>The <c>us-sales</c> calendar of spec section 2.</summary>
    public static BusinessCalendar UsSales() =>
        new BusinessCalendarBuilder("us-sales", NewYork)
            .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, OpenInterval.Parse("09:00-12:00"), OpenInterval.Parse("13:00-17:00"))
            .WithHoliday(Holiday.OnDate(new LocalDate(2026, 12, 25)))
            .WithHoliday(Holiday.Yearly(1, 1, "New Year", HolidayObservance.NearestWeekday))
            .WithHoliday(Holiday.NthWeekdayOfMonth(4, IsoDayOfWeek.Thursday, 11, "Thanksgiving"))
            .WithHoliday(Holiday.NthWeekdayOfMonth(-1, IsoDayOfWeek.Monday, 5, "Memorial Day"))
            .WithOverride(new LocalDate(2026, 12, 24), OpenInterval.Parse("09:00-13:00"))
            .WithOverride(new LocalDate(2026, 12, 31))
            .Build();

    /// <summary>Monday to Friday 09:00–12:00 and 13:00–17:00 in a zone, no holidays.</summary>
    public static BusinessCalendar Office(string zoneId = "America/New_York") =>
        new BusinessCalendarBuilder("office", DateTimeZoneProviders.Tzdb[zoneId])
            .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, OpenInterval.Parse("09:00-12:00"), OpenInterval.Parse("13:00-17:00"))
            .Build();

    /// <summary>One weekday's hours (every other day closed) in a zone.</summary>
    public static BusinessCalendar OneDay(string zoneId, IsoDayOfWeek day, params string[] intervals) =>
        new BusinessCalendarBuilder("one-day", DateTimeZoneProviders.Tzdb[zoneId])
            .WithHours(day, [.. intervals.Select(OpenInterval.Parse)])
            .Build();

    public static Instant I(string text) => InstantPattern.ExtendedIso.Parse(text).Value;
}
