using NodaTime;
using NodaTime.Text;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>DST gaps and overlaps inside and at the edges of intervals (lenient resolver), and overnight intervals across them.</summary>
public sealed partial class BusinessCalendarTests
{
    [Theory]
    [InlineData("America/New_York", "2026-03-08", "01:00-04:00", "2026-03-08T06:00:00Z", "2026-03-08T08:00:00Z")] // US spring forward inside the interval: 2 h, not 3
    [InlineData("America/New_York", "2026-03-08", "02:30-05:00", "2026-03-08T07:30:00Z", "2026-03-08T09:00:00Z")] // opens in the gap: moves forward by the gap to 03:30 EDT
    [InlineData("America/New_York", "2026-03-08", "00:00-02:30", "2026-03-08T05:00:00Z", "2026-03-08T07:30:00Z")] // closes in the gap: 03:30 EDT
    [InlineData("America/New_York", "2026-03-08", "02:00-03:00", "2026-03-08T07:00:00Z", "2026-03-08T07:00:00Z")] // exactly the gap: no open time at all
    [InlineData("America/New_York", "2026-11-01", "01:00-03:00", "2026-11-01T05:00:00Z", "2026-11-01T08:00:00Z")] // US fall back inside: 01:00 EDT to 03:00 EST, 3 h
    [InlineData("America/New_York", "2026-11-01", "01:30-01:45", "2026-11-01T05:30:00Z", "2026-11-01T05:45:00Z")] // wholly ambiguous: the earlier occurrence only
    [InlineData("America/New_York", "2026-11-01", "00:00-01:30", "2026-11-01T04:00:00Z", "2026-11-01T05:30:00Z")] // closes in the overlap: earlier 01:30
    [InlineData("Europe/London", "2026-03-29", "00:30-01:30", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z")] // London gap 01:00-02:00: close moves to 02:30 BST
    [InlineData("Europe/London", "2026-10-25", "01:00-02:00", "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z")] // London overlap: 01:00 BST to 02:00 GMT, 2 h
    [InlineData("Australia/Lord_Howe", "2026-10-04", "02:00-03:00", "2026-10-03T15:30:00Z", "2026-10-03T16:00:00Z")] // Lord Howe 30-minute gap: 02:00 becomes 02:30
    [InlineData("Australia/Lord_Howe", "2026-04-05", "01:00-03:00", "2026-04-04T14:00:00Z", "2026-04-04T16:30:00Z")] // Lord Howe 30-minute overlap: 2.5 h
    [InlineData("Australia/Lord_Howe", "2026-04-05", "01:45-02:15", "2026-04-04T14:45:00Z", "2026-04-04T15:45:00Z")] // opens in the Lord Howe overlap (earlier), 1 h
    [InlineData("America/Sao_Paulo", "2018-11-04", "00:00-02:00", "2018-11-04T03:00:00Z", "2018-11-04T04:00:00Z")] // São Paulo DST began at midnight: 00:00 is skipped to 01:00
    public void Between_IntervalAroundADstChange_CountsTheResolvedInstants(string zoneId, string date, string hours, string open, string close)
    {
        var day = LocalDatePattern.Iso.Parse(date).Value;
        var calendar = OneDay(zoneId, day.DayOfWeek, hours);
        var dayStart = I(open) - Duration.FromHours(6);
        var dayEnd = I(close) + Duration.FromHours(6);

        Assert.Equal(I(close) - I(open), calendar.Between(dayStart, dayEnd));
        if (I(close) > I(open))
        {
            Assert.Equal(I(open), calendar.NextOpen(dayStart));
            Assert.Equal(I(close), calendar.Add(dayStart, I(close) - I(open)));
            Assert.True(calendar.IsOpen(I(open)));
            Assert.False(calendar.IsOpen(I(close)));
        }
    }

    [Fact]
    public void Add_OverTheUsSpringForwardWeekend_KeepsLocalOfficeHours()
    {
        var calendar = Office();

        // Friday 16:00 EST + 2 h: one hour on Friday, then Monday 09:00-10:00 EDT.
        Assert.Equal(I("2026-03-09T14:00:00Z"), calendar.Add(I("2026-03-06T21:00:00Z"), Duration.FromHours(2)));
        Assert.Equal(I("2026-03-09T21:00:00Z"), calendar.AddBusinessDays(I("2026-03-06T21:00:00Z"), 1));
    }

    [Theory]
    [InlineData("2026-03-28", "2026-03-28T22:00:00Z", "2026-03-29T05:00:00Z")] // London spring forward overnight: 22:00 GMT to 06:00 BST, 7 h
    [InlineData("2026-10-24", "2026-10-24T21:00:00Z", "2026-10-25T06:00:00Z")] // London fall back overnight: 22:00 BST to 06:00 GMT, 9 h
    public void Between_OvernightIntervalAcrossDst_RunsFromLocalOpenToLocalClose(string date, string open, string close)
    {
        var day = LocalDatePattern.Iso.Parse(date).Value;
        var calendar = OneDay("Europe/London", day.DayOfWeek, "22:00-06:00");

        Assert.Equal(I(close) - I(open), calendar.Between(I(open) - Duration.FromHours(1), I(close) + Duration.FromHours(1)));
        Assert.Equal(I(close), calendar.AddBusinessDays(I(open) - Duration.FromDays(1), 1));
    }
}
