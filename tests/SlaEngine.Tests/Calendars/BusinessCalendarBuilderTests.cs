using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Calendars;

public sealed class BusinessCalendarBuilderTests
{
    private static BusinessCalendarBuilder Builder() => new("desk", DateTimeZoneProviders.Tzdb["Europe/London"]);

    [Theory]
    [InlineData("09:00-12:00", "11:00-13:00", "the interval 11:00-13:00 overlaps 09:00-12:00 on the same day")] // plain overlap
    [InlineData("22:00-06:00", "23:00-23:30", "the interval 23:00-23:30 overlaps 22:00-06:00 on the same day")] // inside an overnight interval
    [InlineData("00:00-24:00", "10:00-11:00", "the interval 10:00-11:00 overlaps 00:00-24:00 on the same day")] // inside the whole day
    public void Build_OverlappingIntervals_ThrowsSla0204(string first, string second, string message)
    {
        var error = Assert.Throws<PolicyValidationException>(() =>
            Builder().WithHours(IsoDayOfWeek.Monday, OpenInterval.Parse(first), OpenInterval.Parse(second)).Build());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("SLA0204", diagnostic.Code);
        Assert.Equal($"calendar 'desk', Monday: {message}", diagnostic.Message);
    }

    [Fact]
    public void Build_AdjacentIntervals_AreNotAnOverlap()
    {
        var calendar = Builder().WithHours(IsoDayOfWeek.Monday, OpenInterval.Parse("08:00-12:00"), OpenInterval.Parse("12:00-16:00")).Build();
        Assert.Equal(2, calendar.WeeklyHours(IsoDayOfWeek.Monday).Length);
    }

    [Fact]
    public void Build_NoOpenTime_ThrowsSla0205()
    {
        var error = Assert.Throws<PolicyValidationException>(() => Builder().Build());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("SLA0205", diagnostic.Code);
        Assert.Equal("calendar 'desk' has no open time in any week", diagnostic.Message);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Build_OnlyOverridesOpen_StillHasNoWeeklyOpenTime()
    {
        var error = Assert.Throws<PolicyValidationException>(() =>
            Builder().WithOverride(new LocalDate(2026, 12, 24), OpenInterval.Parse("09:00-13:00")).Build());
        Assert.Equal("SLA0205", Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public void Build_SeveralProblems_ReportsThemAllAtOnce()
    {
        var error = Assert.Throws<PolicyValidationException>(() =>
            Builder()
                .WithOverride(new LocalDate(2026, 12, 24), OpenInterval.Parse("09:00-13:00"), OpenInterval.Parse("12:00-14:00"))
                .WithHours(IsoDayOfWeek.Tuesday, OpenInterval.Parse("09:00-12:00"), OpenInterval.Parse("10:00-11:00"))
                .Build());

        Assert.Equal(
            [
                "SLA0204: calendar 'desk', Tuesday: the interval 10:00-11:00 overlaps 09:00-12:00 on the same day",
                "SLA0204: calendar 'desk', override 2026-12-24: the interval 12:00-14:00 overlaps 09:00-13:00 on the same day",
            ],
            error.Diagnostics.Select(d => $"{d.Code}: {d.Message}"));
    }

    [Fact]
    public void WithHours_WrappingRange_SetsEveryDayOfTheRange()
    {
        var calendar = Builder().WithHours(IsoDayOfWeek.Friday, IsoDayOfWeek.Monday, OpenInterval.Parse("10:00-14:00")).Build();

        Assert.Equal(
            [true, false, false, false, true, true, true], // Monday first: Fri, Sat, Sun and Mon
            Enumerable.Range(1, 7).Select(d => !calendar.WeeklyHours((IsoDayOfWeek)d).IsEmpty));
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new BusinessCalendarBuilder(null!, DateTimeZone.Utc));
        Assert.Throws<ArgumentNullException>(() => new BusinessCalendarBuilder("x", null!));
        Assert.Throws<ArgumentNullException>(() => Builder().WithHoliday(null!));
    }
}
