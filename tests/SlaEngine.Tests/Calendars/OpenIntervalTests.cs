using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Calendars;

public sealed class OpenIntervalTests
{
    [Theory]
    [InlineData("09:00-17:00", 9, 0, 17, 0, false, false)] // an ordinary day
    [InlineData("22:00-06:00", 22, 0, 6, 0, true, false)] // overnight: closes on the next date
    [InlineData("00:00-24:00", 0, 0, 0, 0, false, true)] // the whole day, 24:00 allowed as an end
    [InlineData("9:05-9:06", 9, 5, 9, 6, false, false)] // one-digit hours are accepted
    [InlineData(" 13:00 - 17:30 ", 13, 0, 17, 30, false, false)] // spaces around the parts are trimmed
    [InlineData("17:00-09:00", 17, 0, 9, 0, true, false)] // a close before the open runs past midnight
    public void Parse_ValidText_ReturnsInterval(string text, int oh, int om, int ch, int cm, bool overnight, bool endOfDay)
    {
        var interval = OpenInterval.Parse(text);

        Assert.Equal(new LocalTime(oh, om), interval.Open);
        Assert.Equal(new LocalTime(ch, cm), interval.Close);
        Assert.Equal(overnight, interval.IsOvernight);
        Assert.Equal(endOfDay, interval.ClosesAtEndOfDay);
        Assert.Equal(interval, OpenInterval.Parse(interval.ToString()));
    }

    [Theory]
    [InlineData("09:00-09:00")] // start == end
    [InlineData("24:00-01:00")] // 24:00 only as an end
    [InlineData("09:60-10:00")] // minute out of range
    [InlineData("25:00-26:00")] // hour out of range
    [InlineData("9-17")] // no minutes
    [InlineData("09:00")] // no end
    [InlineData("09:00-12:00-13:00")] // three parts
    [InlineData("")] // empty
    [InlineData("24:30-02:00")] // 24 only with minute 0
    public void TryParse_InvalidText_ReturnsFalseAndParseThrows(string text)
    {
        Assert.False(OpenInterval.TryParse(text, out _));
        Assert.Throws<FormatException>(() => OpenInterval.Parse(text));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(OpenInterval.TryParse(null, out _));
    }

    [Theory]
    [InlineData("09:00-09:00", DiagnosticCodes.EmptyInterval)] // start == end has its own code
    [InlineData("9am-5pm", DiagnosticCodes.InvalidInterval)] // not HH:MM
    public void TryParseInterval_InvalidText_GivesTheDiagnosticCode(string text, string code)
    {
        Assert.False(CalendarRules.TryParseInterval(text, out _, out var actual, out var message));
        Assert.Equal(code, actual);
        Assert.Contains(text, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SameOpenAndClose_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OpenInterval(new LocalTime(9, 0), new LocalTime(9, 0)));
        Assert.Throws<ArgumentException>(() => new OpenInterval(new LocalTime(9, 0), new LocalTime(10, 0), closesAtEndOfDay: true));
    }
}
