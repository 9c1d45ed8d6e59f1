using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Tests.Calendars;

public sealed class HolidayTests
{
    [Theory]
    [InlineData("4th thu of nov", 4, IsoDayOfWeek.Thursday, 11)] // Thanksgiving
    [InlineData("last mon of may", -1, IsoDayOfWeek.Monday, 5)] // Memorial Day
    [InlineData("1st mon of september", 1, IsoDayOfWeek.Monday, 9)] // full month name
    [InlineData("2nd Tuesday of Jan", 2, IsoDayOfWeek.Tuesday, 1)] // full weekday name, any case
    [InlineData("3rd sun of oct", 3, IsoDayOfWeek.Sunday, 10)] // 3rd suffix
    [InlineData("5th mon of feb", 5, IsoDayOfWeek.Monday, 2)] // allowed: it simply does not occur most years
    public void TryParseRule_ValidRule_ReturnsParts(string text, int nth, IsoDayOfWeek day, int month)
    {
        Assert.True(CalendarRules.TryParseRule(text, out var n, out var d, out var m, out _));
        Assert.Equal((nth, day, month), (n, d, m));
    }

    [Theory]
    [InlineData("6th mon of feb", "can never occur")] // a month has at most five of a weekday
    [InlineData("4rd thu of nov", "is not a holiday rule")] // wrong suffix
    [InlineData("4th thu in nov", "is not a holiday rule")] // `of` is required
    [InlineData("4th thx of nov", "is not a holiday rule")] // unknown weekday
    [InlineData("4th thu of novem", "is not a holiday rule")] // neither abbreviation nor full month
    [InlineData("0th thu of nov", "can never occur")] // 0th
    public void TryParseRule_InvalidRule_ReturnsFalseWithMessage(string text, string message)
    {
        Assert.False(CalendarRules.TryParseRule(text, out _, out _, out _, out var actual));
        Assert.Contains(message, actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_ImpossibleHolidays_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Holiday.Yearly(2, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => Holiday.Yearly(13, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Holiday.NthWeekdayOfMonth(6, IsoDayOfWeek.Monday, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Holiday.NthWeekdayOfMonth(0, IsoDayOfWeek.Monday, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Holiday.NthWeekdayOfMonth(1, IsoDayOfWeek.None, 2));
        Assert.Equal(29, Holiday.Yearly(2, 29).Day);
    }

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void ToString_EachForm_UsesPolicySyntax(Holiday holiday, string expected)
    {
        Assert.Equal(expected, holiday.ToString());
    }

    public static TheoryData<Holiday, string> Descriptions => new()
    {
        { Holiday.NthWeekdayOfMonth(4, IsoDayOfWeek.Thursday, 11, "Thanksgiving"), "Thanksgiving (4th thu of nov)" }, // named rule
        { Holiday.NthWeekdayOfMonth(-1, IsoDayOfWeek.Monday, 5), "last mon of may" }, // unnamed last-weekday rule
        { Holiday.Yearly(1, 1, "New Year", HolidayObservance.NearestWeekday), "New Year (01-01)" }, // yearly date
        { Holiday.OnDate(new LocalDate(2026, 12, 25)), "2026-12-25" }, // one date
    };
}
