using FsCheck;
using FsCheck.Fluent;
using SlaEngine.Calendars;

namespace SlaEngine.Tests.Properties;

/// <summary>Round trips of the policy duration syntax (spec 2.1).</summary>
public sealed class SlaDurationProperties
{
    [Fact]
    public void Parse_OfToString_RoundTrips() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.AnyDuration.ToArbitrary(), d =>
        {
            Assert.Equal(d, SlaDuration.Parse(d.ToString()));
            Assert.True(SlaDuration.TryParse("  " + d.ToString().ToUpperInvariant().Replace(" ", "   ", StringComparison.Ordinal) + " ", out var loose));
            Assert.Equal(d, loose);
        }));
}
