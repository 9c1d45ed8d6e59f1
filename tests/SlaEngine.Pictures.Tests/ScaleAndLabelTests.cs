using NodaTime;

namespace SlaEngine.Pictures.Tests;

/// <summary>The axis ticks, the label placement and the escaping, on their own.</summary>
public sealed class ScaleAndLabelTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Theory]
    [InlineData(2, "10:15")] // two hours: quarter hours
    [InlineData(36, "12:00")] // a day and a half: hours
    [InlineData(24 * 9, "Sat 21 Nov")] // nine days: days
    [InlineData(24 * 300, "Dec 2026")] // ten months: months
    public void Ticks_AdaptFromMinutesToMonths(int hours, string expectedLabel)
    {
        var start = Instant.FromUtc(2026, 11, 20, 15, 0); // Friday 10:00 New York
        var scale = new TimeScale(start, start + Duration.FromHours(hours), 150, 1170, NewYork);

        var ticks = scale.Ticks(92);

        Assert.InRange(ticks.Count, 2, (1170 - 150) / 92 + 1);
        Assert.Contains(ticks, t => t.Label == expectedLabel);
        Assert.True(ticks.Zip(ticks.Skip(1)).All(p => p.First.At < p.Second.At));
        Assert.All(ticks, t => Assert.InRange(t.At, scale.Start, scale.End));
    }

    [Fact]
    public void Ticks_AcrossSpringForward_StayOnRoundLocalHours()
    {
        var start = Instant.FromUtc(2026, 3, 7, 12, 0);
        var scale = new TimeScale(start, start + Duration.FromHours(48), 150, 1170, NewYork);

        var ticks = scale.Ticks(60);

        Assert.All(ticks, t => Assert.Equal(0, t.At.InZone(NewYork).Minute));
        Assert.Equal(ticks.Count, ticks.Select(t => t.At).Distinct().Count());
    }

    [Fact]
    public void LabelRows_NeverOverlapInARow()
    {
        var random = new Random(7);
        var rows = new LabelRows(150, 1170);
        var placed = new List<(int Row, double From, double To)>();
        for (var i = 0; i < 300; i++)
        {
            var x = 150 + (random.NextDouble() * 1020);
            var text = new string('x', random.Next(1, 40));
            var (row, left, textX) = rows.Place(x, text);
            var width = LabelRows.Width(text);
            var (from, to) = left ? (textX - width, textX) : (textX, textX + width);
            Assert.DoesNotContain(placed, p => p.Row == row && p.From < to && from < p.To);
            placed.Add((row, from, to));
        }
    }

    [Fact]
    public void LabelRows_NearTheRightEdge_RunLeftwards()
    {
        var rows = new LabelRows(150, 1170);

        var (_, left, textX) = rows.Place(1160, "a long label near the right edge");

        Assert.True(left);
        Assert.Equal(1155, textX);
    }

    [Theory]
    [InlineData("<a href='x'>&\"</a>", "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")]
    [InlineData("ok ✓ 😀", "ok ✓ 😀")]
    public void Escape_MakesAnyTextSafeMarkup(string text, string expected) => Assert.Equal(expected, Markup.Escape(text));

    [Fact]
    public void Escape_ReplacesWhatXmlForbids()
    {
        var text = new string(['\u0001', '\uFFFE', '\uDC00', 'a', '\uD83D', '\uDE00']);

        Assert.Equal("\uFFFD\uFFFD\uFFFDa\uD83D\uDE00", Markup.Escape(text));
    }

    [Theory]
    [InlineData(-0.04, "0")]
    [InlineData(12.25, "12.3")]
    [InlineData(1e6, "1000000")]
    public void Num_IsInvariantAndShort(double value, string expected) => Assert.Equal(expected, Markup.Num(value));
}
