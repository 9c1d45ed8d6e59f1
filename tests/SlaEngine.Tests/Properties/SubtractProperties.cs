using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Tests.Properties;

/// <summary>Subtracting business time (spec 3.2): the latest <c>r &lt;= t</c> with open time in <c>[r, t]</c> equal to d.</summary>
public sealed class SubtractProperties
{
    [Fact]
    public void Subtract_AnyStartAndBudget_AgreesWithReference() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c => Assert.Equal(c.Reference.Subtract(c.T, c.D), c.Calendar.Add(c.T, -c.D))));

    [Fact]
    public void Subtract_Result_HasExactlyTheBudgetBeforeTheStartAndIsTheLatest() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c =>
        {
            var r = c.Calendar.Add(c.T, -c.D);
            Assert.True(r <= c.T);
            Assert.Equal(c.D, c.Calendar.Between(r, c.T));
            Assert.True(c.Calendar.Add(r, c.D) <= c.T, "add(subtract(t, d), d) <= t");
            if (c.D > Duration.Zero)
            {
                // One tick later leaves less than d before t, so r is the latest such instant.
                Assert.True(c.Calendar.Between(r + Duration.FromTicks(1), c.T) < c.D);
            }
        }));

    [Fact]
    public void Subtract_BusinessMinutesDuration_IsNegativeAdd() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c =>
        {
            var minutes = (int)(c.D.TotalMinutes % 100_000);
            Assert.Equal(c.Calendar.Add(c.T, -Duration.FromMinutes(minutes)), c.Calendar.Subtract(c.T, SlaDuration.BusinessMinutes(minutes)));
        }));
}
