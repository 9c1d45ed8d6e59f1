using NodaTime;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>The supported range of years: 1900 and 2200 work, outside 1700–2499 throws.</summary>
public sealed partial class BusinessCalendarTests
{
    [Fact]
    public void Add_InYear1900_Works()
    {
        // 1 January 1900 is a Monday; New York was already on EST.
        var calendar = Office();
        Assert.Equal(I("1900-01-01T15:00:00Z"), calendar.Add(I("1900-01-01T14:00:00Z"), Duration.FromHours(1)));
        Assert.Equal(I("1900-01-02T22:00:00Z"), calendar.AddBusinessDays(I("1900-01-01T14:00:00Z"), 1));
        Assert.Equal(I("1899-12-29T21:00:00Z"), calendar.Add(I("1900-01-01T14:00:00Z"), -Duration.FromHours(1)));
    }

    [Fact]
    public void Add_AcrossYear2200_Works()
    {
        // 31 December 2199 is a Tuesday, 1 January 2200 a Wednesday.
        var calendar = Office();
        Assert.Equal(I("2200-01-01T14:30:00Z"), calendar.Add(I("2199-12-31T21:30:00Z"), Duration.FromHours(1)));
        Assert.Equal(I("2200-01-01T22:00:00Z"), calendar.AddBusinessDays(I("2199-12-31T15:00:00Z"), 1));
        Assert.Equal(Duration.FromHours(7), calendar.Between(I("2200-01-01T00:00:00Z"), I("2200-01-02T00:00:00Z")));
    }

    [Fact]
    public void Operations_OutsideTheSupportedYears_ThrowArgumentOutOfRange()
    {
        var calendar = Office();
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsOpen(I("1699-12-31T00:00:00Z")));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.NextOpen(I("2500-01-01T00:00:00Z")));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Between(I("1650-01-01T00:00:00Z"), I("1800-01-01T00:00:00Z")));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Add(I("2499-12-20T00:00:00Z"), Duration.FromHours(1000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Add(I("1700-01-10T00:00:00Z"), -Duration.FromHours(1000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessDays(I("2499-12-20T00:00:00Z"), 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.HoursOn(new LocalDate(2500, 1, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessDays(I("2026-01-01T00:00:00Z"), -1));
    }
}
