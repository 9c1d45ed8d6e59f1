using NodaTime;
using SlaEngine.Calendars;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>The worked examples of spec sections 3 and 5, on the <c>us-sales</c> calendar.</summary>
public sealed partial class BusinessCalendarTests
{
    [Fact]
    public void Add_TwoBusinessHoursFromTheSpecLead_IsHalfPastOneAfterLunch()
    {
        // 15:30Z is 10:30 in New York: 10:30–12:00 and 13:00–13:30.
        Assert.Equal(I("2026-11-20T18:30:00Z"), UsSales().Add(I("2026-11-20T15:30:00Z"), SlaDuration.Parse("2 business hours")));
    }

    [Fact]
    public void AddBusinessDays_EightFromTheSpecLead_IsTheCloseOfThirdDecemberSkippingThanksgiving()
    {
        Assert.Equal(I("2026-12-03T22:00:00Z"), UsSales().AddBusinessDays(I("2026-11-20T15:30:00Z"), 8));
        Assert.Equal(I("2026-12-03T22:00:00Z"), UsSales().Add(I("2026-11-20T15:30:00Z"), SlaDuration.Parse("8 business days")));
    }

    [Fact]
    public void Add_BudgetRunningOutAtFivePm_ReturnsTheClose()
    {
        // 1.5 h before lunch and 4 h after it end exactly at 17:00 EST: the close, not Monday's opening.
        Assert.Equal(I("2026-11-20T22:00:00Z"), UsSales().Add(I("2026-11-20T15:30:00Z"), Duration.FromMinutes(330)));
    }

    [Fact]
    public void Between_LastTouchToEffortDeadline_IsSixtyHoursFiftyMinutes()
    {
        var calendar = UsSales();
        var last = I("2026-11-20T16:10:00Z");
        var remaining = calendar.Between(last, I("2026-12-03T22:00:00Z"));

        Assert.Equal(Duration.FromMinutes((60 * 60) + 50), remaining);

        // Nine attempts left: 405 whole minutes apart, so the next call is due Monday 10:55 EST.
        var spacing = Duration.FromMinutes(Math.Floor(remaining.TotalMinutes / 9));
        Assert.Equal(I("2026-11-23T15:55:00Z"), calendar.Add(last, spacing));
    }

    [Fact]
    public void Add_PauseWhileClosed_MovesNoBusinessDeadlineButHoldsElapsedTimeBack()
    {
        var calendar = UsSales();
        var start = I("2026-11-20T15:30:00Z");
        var pauses = PauseSchedule.Create([new Interval(I("2026-11-21T00:00:00Z"), I("2026-11-22T00:00:00Z"))]);

        Assert.Equal(I("2026-11-20T18:30:00Z"), calendar.Add(start, SlaDuration.BusinessHours(2), pauses));
        Assert.Equal(I("2026-12-03T22:00:00Z"), calendar.Add(start, SlaDuration.BusinessDaysOf(8), pauses));
        Assert.Equal(I("2026-11-22T15:30:00Z"), calendar.Add(start, SlaDuration.Hours(24), pauses));
    }
}
