using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace SlaEngine.Tests.Properties;

/// <summary>Laws of <c>between</c> (spec 3.2) over generated calendars, checked against the reference.</summary>
public sealed class BetweenProperties
{
    [Fact]
    public void Between_AnyTwoInstants_AgreesWithReference() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c => Assert.Equal(c.Reference.Between(c.T, c.U), c.Calendar.Between(c.T, c.U))));

    [Fact]
    public void Add_OfBetween_DoesNotPassTheEnd() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c =>
        {
            var r = c.Calendar.Add(c.T, c.Calendar.Between(c.T, c.U));
            Assert.True(c.T <= c.U ? r <= c.U : r >= c.U, $"add(a, between(a, b)) = {r}");
        }));

    [Fact]
    public void Between_AdjacentSpans_AddUp() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c =>
        {
            var m = c.T + ((c.U - c.T) / 3) + Duration.FromSeconds(7);
            Assert.Equal(c.Calendar.Between(c.T, c.U), c.Calendar.Between(c.T, m) + c.Calendar.Between(m, c.U));
        }));

    [Fact]
    public void Between_SwappedArguments_IsNegated() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c =>
        {
            Assert.Equal(-c.Calendar.Between(c.T, c.U), c.Calendar.Between(c.U, c.T));
            Assert.Equal(Duration.Zero, c.Calendar.Between(c.T, c.T));
            Assert.True((c.T <= c.U) == (c.Calendar.Between(c.T, c.U) >= Duration.Zero) || c.Calendar.Between(c.T, c.U) == Duration.Zero);
        }));
}
