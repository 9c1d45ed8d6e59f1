using NodaTime;
using SlaEngine.Calendars;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>Holidays, observances, overrides and overnight intervals meeting holidays.</summary>
public sealed partial class BusinessCalendarTests
{
    private static BusinessCalendar NightDesk(params Holiday[] holidays)
    {
        var builder = new BusinessCalendarBuilder("night-desk", DateTimeZoneProviders.Tzdb["Europe/London"])
            .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, OpenInterval.Parse("22:00-06:00"));
        foreach (var holiday in holidays)
        {
            builder.WithHoliday(holiday);
        }

        return builder.Build();
    }

    [Fact]
    public void IsOpen_OvernightIntervalRunningIntoAHoliday_StillRunsToItsEnd()
    {
        // Christmas 2026 is a Friday: Thursday's 22:00-06:00 runs into it, Friday's own interval does not open.
        var calendar = NightDesk(Holiday.OnDate(new LocalDate(2026, 12, 25)));

        Assert.True(calendar.IsOpen(I("2026-12-25T03:00:00Z")));
        Assert.False(calendar.IsOpen(I("2026-12-25T23:00:00Z")));
        Assert.Equal(I("2026-12-28T22:00:00Z"), calendar.NextOpen(I("2026-12-25T06:00:00Z")));
    }

    [Fact]
    public void IsOpen_HolidayOnTheOpeningDate_ClosesTheWholeOvernightInterval()
    {
        var calendar = NightDesk(Holiday.OnDate(new LocalDate(2026, 12, 24)));

        Assert.False(calendar.IsOpen(I("2026-12-24T23:00:00Z")));
        Assert.False(calendar.IsOpen(I("2026-12-25T03:00:00Z")));
    }

    [Fact]
    public void HoursOn_OverrideOnAHoliday_WinsOverTheHoliday()
    {
        var calendar = new BusinessCalendarBuilder("office", NewYork)
            .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, OpenInterval.Parse("09:00-17:00"))
            .WithHoliday(Holiday.NthWeekdayOfMonth(4, IsoDayOfWeek.Thursday, 11, "Thanksgiving"))
            .WithOverride(new LocalDate(2026, 11, 26), OpenInterval.Parse("10:00-12:00"))
            .Build();

        Assert.Equal(new[] { OpenInterval.Parse("10:00-12:00") }, calendar.HoursOn(new LocalDate(2026, 11, 26)).ToArray());
        Assert.True(calendar.IsOpen(I("2026-11-26T15:30:00Z")));
        Assert.False(calendar.IsOpen(I("2026-11-26T14:30:00Z")));
        Assert.False(calendar.IsBusinessDate(new LocalDate(2027, 11, 25)));
    }

    [Theory]
    [InlineData(2027, 12, 31, false)] // 1 Jan 2028 is a Saturday: observed on Friday 31 Dec 2027, in the previous year
    [InlineData(2021, 12, 31, false)] // 1 Jan 2022, Saturday, likewise
    [InlineData(2034, 1, 2, false)] // 1 Jan 2034 is a Sunday: observed on Monday 2 Jan
    [InlineData(2027, 1, 1, false)] // a Friday: just the date itself
    [InlineData(2026, 12, 31, true)] // 1 Jan 2027 is a Friday: nothing observed on Thursday 31 Dec 2026
    [InlineData(2027, 12, 30, true)] // the day before the observed date is untouched
    public void IsBusinessDate_NewYearObservedNearestWeekday_ClosesTheObservedDateAcrossTheYear(int year, int month, int day, bool business)
    {
        var calendar = new BusinessCalendarBuilder("office", NewYork)
            .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, OpenInterval.Parse("09:00-17:00"))
            .WithHoliday(Holiday.Yearly(1, 1, "New Year", HolidayObservance.NearestWeekday))
            .Build();

        Assert.Equal(business, calendar.IsBusinessDate(new LocalDate(year, month, day)));
    }

    [Theory]
    [InlineData(2033, 1, 3, false)] // 1 Jan 2033 is a Saturday: next_monday closes Monday 3 Jan
    [InlineData(2034, 1, 2, false)] // 1 Jan 2034, Sunday: Monday 2 Jan
    [InlineData(2027, 12, 31, true)] // next_monday never moves back to a Friday
    public void IsBusinessDate_ObservedNextMonday_ClosesTheMondayAfter(int year, int month, int day, bool business)
    {
        var calendar = new BusinessCalendarBuilder("office", NewYork)
            .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, OpenInterval.Parse("09:00-17:00"))
            .WithHoliday(Holiday.Yearly(1, 1, observed: HolidayObservance.NextMonday))
            .Build();

        Assert.Equal(business, calendar.IsBusinessDate(new LocalDate(year, month, day)));
    }

    [Fact]
    public void IsBusinessDate_FifthMondayOfFebruary_OnlyOccursInYearsThatHaveOne()
    {
        var calendar = new BusinessCalendarBuilder("office", NewYork)
            .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, OpenInterval.Parse("09:00-17:00"))
            .WithHoliday(Holiday.NthWeekdayOfMonth(5, IsoDayOfWeek.Monday, 2))
            .Build();

        Assert.False(calendar.IsBusinessDate(new LocalDate(2016, 2, 29)));
        Assert.All(
            new[] { 2, 9, 16, 23 }.Select(d => new LocalDate(2026, 2, d)),
            date => Assert.True(calendar.IsBusinessDate(date)));
        Assert.True(calendar.IsBusinessDate(new LocalDate(2026, 3, 2)));
    }

    [Theory]
    [InlineData(2028, 2, 29, false)] // leap year: the holiday occurs
    [InlineData(2027, 2, 28, true)] // not a leap year: 28 Feb is not closed instead
    [InlineData(2027, 3, 1, true)] // ...nor 1 March
    [InlineData(2100, 3, 1, true)] // 2100 is not a leap year
    public void IsBusinessDate_YearlyLeapDayHoliday_ClosesOnlyRealLeapDays(int year, int month, int day, bool business)
    {
        var calendar = new BusinessCalendarBuilder("every-day", NewYork)
            .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, OpenInterval.Parse("09:00-17:00"))
            .WithHoliday(Holiday.Yearly(2, 29))
            .Build();

        Assert.Equal(business, calendar.IsBusinessDate(new LocalDate(year, month, day)));
    }

    [Theory]
    [InlineData(2026, 11, 26)] // Thanksgiving: 4th Thursday of November
    [InlineData(2026, 5, 25)] // Memorial Day: last Monday of May (31 May is a Sunday)
    [InlineData(2026, 12, 25)] // one date
    [InlineData(2026, 12, 31)] // closed by override
    public void IsBusinessDate_UsSalesClosures_AreClosed(int year, int month, int day)
    {
        Assert.False(UsSales().IsBusinessDate(new LocalDate(year, month, day)));
    }
}
