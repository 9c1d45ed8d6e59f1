using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Tests.Calendars;

public sealed class SlaDurationTests
{
    [Theory]
    [InlineData("4 business hours", 4, SlaDurationUnit.Hours, true)] // the common SLA form
    [InlineData("1 business hour", 1, SlaDurationUnit.Hours, true)] // singular unit
    [InlineData("8 business days", 8, SlaDurationUnit.Days, true)] // business dates
    [InlineData("30 business minutes", 30, SlaDurationUnit.Minutes, true)] // minutes
    [InlineData("2 business weeks", 2, SlaDurationUnit.Weeks, true)] // five business days each
    [InlineData("24 hours", 24, SlaDurationUnit.Hours, false)] // elapsed time
    [InlineData("7 days", 7, SlaDurationUnit.Days, false)] // calendar days
    [InlineData("1 week", 1, SlaDurationUnit.Weeks, false)] // calendar week
    [InlineData("0 minutes", 0, SlaDurationUnit.Minutes, false)] // zero is allowed
    [InlineData("4 Business HOURS", 4, SlaDurationUnit.Hours, true)] // words ignore case
    [InlineData("  4   business   hours ", 4, SlaDurationUnit.Hours, true)] // extra spaces
    public void Parse_ValidText_ReturnsDuration(string text, int amount, SlaDurationUnit unit, bool business)
    {
        Assert.Equal(new SlaDuration(amount, unit, business), SlaDuration.Parse(text));
    }

    [Theory]
    [InlineData("-1 hours")] // negative
    [InlineData("4.5 hours")] // not an integer
    [InlineData("4 business")] // no unit
    [InlineData("4 hourz")] // unknown unit
    [InlineData("business 4 hours")] // wrong order
    [InlineData("4 working hours")] // only `business` qualifies a unit
    [InlineData("hours")] // no amount
    [InlineData("")] // empty
    [InlineData("60000001 minutes")] // above MaxAmount
    [InlineData("+4 hours")] // no sign allowed
    public void TryParse_InvalidText_ReturnsFalseAndParseThrows(string text)
    {
        Assert.False(SlaDuration.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SlaDuration.Parse(text));
    }

    [Theory]
    [InlineData("1 business hour")] // singular
    [InlineData("2 business hours")] // plural
    [InlineData("0 days")] // zero is plural
    [InlineData("1 week")] // calendar week
    public void ToString_ParsedText_RoundTrips(string text)
    {
        Assert.Equal(text, SlaDuration.Parse(text).ToString());
    }

    [Fact]
    public void Properties_DescribeTheDuration()
    {
        Assert.Equal(10, SlaDuration.Parse("2 business weeks").BusinessDays);
        Assert.Equal(14, SlaDuration.Parse("2 weeks").CalendarDays);
        Assert.Equal(Duration.FromMinutes(90), SlaDuration.Parse("90 business minutes").FixedLength);
        Assert.True(SlaDuration.Parse("3 business days").IsBusinessDays);
        Assert.False(SlaDuration.Parse("3 days").IsFixedLength);
        Assert.Throws<InvalidOperationException>(() => SlaDuration.Parse("3 days").FixedLength);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaDuration(-1, SlaDurationUnit.Hours, false));
    }
}
