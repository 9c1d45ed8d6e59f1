using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace SlaEngine.Tests.Properties;

/// <summary><c>is_open</c> and <c>next_open</c> (spec 3.2), and the date-level view, against the reference.</summary>
public sealed class OpenProperties
{
    [Fact]
    public void IsOpenAndNextOpen_AnyInstant_AgreeWithReference() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c =>
        {
            Assert.Equal(c.Reference.IsOpen(c.T), c.Calendar.IsOpen(c.T));
            Assert.Equal(c.Reference.NextOpen(c.T), c.Calendar.NextOpen(c.T));
        }));

    [Fact]
    public void NextOpen_IsTheInstantItself_ExactlyWhenOpen() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c =>
        {
            var next = c.Calendar.NextOpen(c.T);
            Assert.Equal(c.Calendar.IsOpen(c.T), next == c.T);
            Assert.True(c.Calendar.IsOpen(next));
            Assert.Equal(Duration.Zero, c.Calendar.Between(c.T, next));
        }));

    [Fact]
    public void HoursOnAndIsBusinessDate_DatesAroundFocus_AgreeWithReference() =>
        PropertyRuns.Check(Prop.ForAll(CalendarArbitraries.Cases, c =>
        {
            for (var offset = -3; offset <= 3; offset++)
            {
                var date = c.T.InZone(c.Reference.Zone).Date.PlusDays(offset);
                Assert.Equal(c.Reference.IsBusinessDate(date), c.Calendar.IsBusinessDate(date));
                Assert.Equal(
                    c.Reference.HoursOn(date).Select(i => i.ToOpenInterval()),
                    c.Calendar.HoursOn(date));
            }
        }));
}
