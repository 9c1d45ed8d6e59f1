using NodaTime;
using SlaEngine.Calendars;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>Starts outside hours, holidays, zero durations, closes, subtracting, opening and closing instants.</summary>
public sealed partial class BusinessCalendarTests
{
    [Theory]
    [InlineData("2026-11-21T12:00:00Z", 60, "2026-11-23T15:00:00Z")] // Saturday: consumes from Monday 09:00 EST
    [InlineData("2026-11-23T12:00:00Z", 30, "2026-11-23T14:30:00Z")] // 07:00 before the opening
    [InlineData("2026-11-23T17:30:00Z", 30, "2026-11-23T18:30:00Z")] // lunch break 12:30: starts at 13:00
    [InlineData("2026-11-23T23:00:00Z", 60, "2026-11-24T15:00:00Z")] // 18:00 after the close
    [InlineData("2026-11-26T15:00:00Z", 60, "2026-11-27T15:00:00Z")] // Thanksgiving: starts on Friday
    [InlineData("2026-11-23T14:00:00Z", 180, "2026-11-23T17:00:00Z")] // three hours from 09:00 end at the 12:00 close, not 13:00
    [InlineData("2026-12-24T14:00:00Z", 240, "2026-12-24T18:00:00Z")] // Christmas Eve override 09:00-13:00 ends at its close
    [InlineData("2026-12-24T14:00:00Z", 241, "2026-12-28T14:01:00Z")] // ...one minute more skips Christmas and the weekend
    [InlineData("2026-12-30T21:30:00Z", 60, "2027-01-04T14:30:00Z")] // New Year's Eve override closes; New Year's Day is a Friday
    public void Add_BusinessMinutes_ReturnsExpected(string start, int minutes, string expected)
    {
        Assert.Equal(I(expected), UsSales().Add(I(start), Duration.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData("2026-11-23T14:30:00Z", 60, "2026-11-20T21:30:00Z")] // Monday 09:30 back to Friday 16:30
    [InlineData("2026-11-23T15:00:00Z", 60, "2026-11-23T14:00:00Z")] // back to the opening exactly: the latest such instant
    [InlineData("2026-11-23T14:00:00Z", 60, "2026-11-20T21:00:00Z")] // from an opening: Friday 16:00
    [InlineData("2026-11-21T12:00:00Z", 60, "2026-11-20T21:00:00Z")] // from Saturday: Friday 16:00
    [InlineData("2026-11-23T18:30:00Z", 60, "2026-11-23T16:30:00Z")] // across lunch: 13:30 back to 11:30
    [InlineData("2026-11-27T14:30:00Z", 60, "2026-11-25T21:30:00Z")] // across Thanksgiving
    public void Subtract_BusinessMinutes_ReturnsTheLatestStart(string start, int minutes, string expected)
    {
        var calendar = UsSales();
        Assert.Equal(I(expected), calendar.Add(I(start), -Duration.FromMinutes(minutes)));
        Assert.Equal(I(expected), calendar.Subtract(I(start), SlaDuration.BusinessMinutes(minutes)));
    }

    [Theory]
    [InlineData("2026-11-21T12:00:00Z")] // Saturday, closed
    [InlineData("2026-11-23T15:00:00Z")] // Monday 10:00, open
    [InlineData("2026-11-26T15:00:00Z")] // Thanksgiving
    [InlineData("2026-11-23T22:00:00Z")] // exactly at a close
    public void Add_ZeroDuration_ReturnsTheStartEvenOutsideHours(string start)
    {
        var calendar = UsSales();
        Assert.Equal(I(start), calendar.Add(I(start), Duration.Zero));
        Assert.Equal(I(start), calendar.Add(I(start), SlaDuration.BusinessHours(0)));
        Assert.Equal(I(start), calendar.Add(I(start), SlaDuration.Hours(0)));
        Assert.Equal(I(start), calendar.Add(I(start), SlaDuration.Days(0)));
        Assert.Equal(I(start), calendar.Subtract(I(start), SlaDuration.BusinessHours(0)));
        Assert.Equal(Duration.Zero, calendar.Between(I(start), I(start)));
    }

    [Theory]
    [InlineData("2026-11-23T15:00:00Z", 0, "2026-11-23T22:00:00Z")] // N = 0 on a business date before its close: that close
    [InlineData("2026-11-23T22:00:00Z", 0, "2026-11-24T22:00:00Z")] // N = 0 exactly at the close: the next business date
    [InlineData("2026-11-23T23:00:00Z", 0, "2026-11-24T22:00:00Z")] // N = 0 after the close
    [InlineData("2026-11-21T12:00:00Z", 0, "2026-11-23T22:00:00Z")] // N = 0 on Saturday: Monday's close
    [InlineData("2026-11-26T15:00:00Z", 0, "2026-11-27T22:00:00Z")] // N = 0 on Thanksgiving
    [InlineData("2026-11-23T13:00:00Z", 1, "2026-11-24T22:00:00Z")] // before Monday's opening: the day of receipt still never counts
    [InlineData("2026-11-26T15:00:00Z", 1, "2026-11-27T22:00:00Z")] // received on a holiday
    [InlineData("2026-11-21T04:00:00Z", 1, "2026-11-23T22:00:00Z")] // 23:00 Friday in New York (already Saturday in UTC): Monday
    [InlineData("2026-12-23T15:00:00Z", 1, "2026-12-24T18:00:00Z")] // the override's 13:00 close is that date's last close
    [InlineData("2026-12-23T15:00:00Z", 3, "2026-12-29T22:00:00Z")] // Dec 24 (override), Christmas and the weekend skipped, 28, 29
    [InlineData("2026-12-23T15:00:00Z", 5, "2027-01-04T22:00:00Z")] // then Dec 30; Dec 31 closed by override, New Year on Friday
    public void AddBusinessDays_ReturnsTheLastCloseOfTheNthBusinessDate(string start, int days, string expected)
    {
        Assert.Equal(I(expected), UsSales().AddBusinessDays(I(start), days));
    }

    [Theory]
    [InlineData("2026-11-23T14:00:00Z", true, "2026-11-23T14:00:00Z")] // exactly at the opening: open
    [InlineData("2026-11-23T16:59:59Z", true, "2026-11-23T16:59:59Z")] // one second before the lunch close
    [InlineData("2026-11-23T17:00:00Z", false, "2026-11-23T18:00:00Z")] // exactly at the lunch close: closed, next opening 13:00
    [InlineData("2026-11-23T22:00:00Z", false, "2026-11-24T14:00:00Z")] // the evening close
    [InlineData("2026-11-25T22:30:00Z", false, "2026-11-27T14:00:00Z")] // Wednesday evening before Thanksgiving
    [InlineData("2026-12-31T15:00:00Z", false, "2027-01-04T14:00:00Z")] // New Year's Eve closed by override, New Year's Day holiday
    public void IsOpenAndNextOpen_ReturnExpected(string at, bool open, string next)
    {
        var calendar = UsSales();
        Assert.Equal(open, calendar.IsOpen(I(at)));
        Assert.Equal(I(next), calendar.NextOpen(I(at)));
    }

    [Fact]
    public void Between_ReversedInstants_IsNegative()
    {
        var calendar = UsSales();
        Assert.Equal(Duration.FromHours(7), calendar.Between(I("2026-11-23T05:00:00Z"), I("2026-11-24T05:00:00Z")));
        Assert.Equal(Duration.FromHours(-7), calendar.Between(I("2026-11-24T05:00:00Z"), I("2026-11-23T05:00:00Z")));
    }

    [Fact]
    public void AddCalendarDays_ZeroDaysInTheSecondHalfOfAnOverlap_ReturnsTheStart()
    {
        // 06:30Z on 1 November 2026 is the second 01:30 in New York (EST). "0 days" must not move it an hour back to
        // the first 01:30 (EDT), which is before the start; the same for subtracting "0 days".
        var calendar = Office();
        var start = I("2026-11-01T06:30:00Z");
        Assert.Equal(start, calendar.AddCalendarDays(start, 0));
        Assert.Equal(start, calendar.Subtract(start, SlaDuration.Days(0)));
    }

    [Fact]
    public void AddCalendarDays_AcrossSpringForward_KeepsTheLocalTime()
    {
        // Friday 10:00 EST + 7 days = Friday 10:00 EDT: 167 elapsed hours.
        var calendar = Office();
        Assert.Equal(I("2026-03-13T14:00:00Z"), calendar.Add(I("2026-03-06T15:00:00Z"), SlaDuration.Parse("7 days")));
        Assert.Equal(I("2026-03-13T14:00:00Z"), calendar.Add(I("2026-03-06T15:00:00Z"), SlaDuration.Parse("1 week")));
        Assert.Equal(I("2026-03-07T15:00:00Z"), calendar.Add(I("2026-03-06T15:00:00Z"), SlaDuration.Parse("24 hours")));
    }
}
