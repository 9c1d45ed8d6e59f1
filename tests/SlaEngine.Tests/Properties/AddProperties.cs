using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace SlaEngine.Tests.Properties;

/// <summary>Laws of <c>add</c> (spec 3.1, 3.2) over generated calendars, checked against the reference.</summary>
public sealed class AddProperties
{
    [Fact]
    public void Add_ZeroDuration_ReturnsStart() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c => Assert.Equal(c.T, c.Calendar.Add(c.T, Duration.Zero))));

    [Fact]
    public void Add_AnyStartAndBudget_AgreesWithReference() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c => Assert.Equal(c.Reference.Add(c.T, c.D), c.Calendar.Add(c.T, c.D))));

    [Fact]
    public void Add_LaterStartOrLargerBudget_IsNeverEarlier() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c =>
        {
            var (early, late) = c.T <= c.U ? (c.T, c.U) : (c.U, c.T);
            var (small, large) = c.D <= c.E ? (c.D, c.E) : (c.E, c.D);
            Assert.True(c.Calendar.Add(early, c.D) <= c.Calendar.Add(late, c.D), "monotone in the start");
            Assert.True(c.Calendar.Add(c.T, small) <= c.Calendar.Add(c.T, large), "monotone in the budget");
        }));

    [Fact]
    public void Between_FromStartToAdd_ReturnsTheBudget() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c => Assert.Equal(c.D, c.Calendar.Between(c.T, c.Calendar.Add(c.T, c.D)))));

    [Fact]
    public void Add_BudgetEndingAtAClose_ReturnsThatClose() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c =>
        {
            // The first interval closing after t whose last moment before the close is open time.
            var date = c.T.InZone(c.Reference.Zone).Date.PlusDays(-2);
            for (var i = 0; i < 60; i++, date = date.PlusDays(1))
            {
                foreach (var (open, close) in c.Reference.IntervalsOn(date).OrderBy(x => x.Close))
                {
                    if (close > c.T && close > open)
                    {
                        var budget = c.Reference.Between(c.T, close);
                        Assert.True(budget > Duration.Zero);
                        Assert.Equal(close, c.Calendar.Add(c.T, budget));
                        return;
                    }
                }
            }
        }));
}
