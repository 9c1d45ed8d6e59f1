using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.TimeZones;
using SlaEngine.Calendars;

namespace SlaEngine.Tests.Properties;

/// <summary><c>add_days</c> (spec 3.3) and calendar-day durations (spec 2.1) against the reference.</summary>
public sealed class BusinessDayProperties
{
    private static Arbitrary<(CalendarCase Case, int Days)> CasesWithDays =>
        (from c in CalendarArbitraries.Cases.Generator
         from n in CalendarArbitraries.BusinessDayCount
         select (c, n)).ToArbitrary();

    [Fact]
    public void AddBusinessDays_AnyStart_AgreesWithReference() =>
        PropertyRuns.Check(Prop.ForAll(CasesWithDays, x =>
        {
            var (c, n) = x;
            Assert.Equal(c.Reference.AddBusinessDays(c.T, n), c.Calendar.AddBusinessDays(c.T, n));
            Assert.Equal(c.Calendar.AddBusinessDays(c.T, n), c.Calendar.Add(c.T, SlaDuration.BusinessDaysOf(n)));
        }));

    [Fact]
    public void AddBusinessDays_AtLeastOneDay_DependsOnlyOnTheDateOfReceipt() =>
        PropertyRuns.Check(Prop.ForAll(CasesWithDays, x =>
        {
            var (c, n) = x;
            var days = Math.Max(1, n);
            var result = c.Calendar.AddBusinessDays(c.T, days);
            var startOfDay = c.T.InZone(c.Calendar.Zone).Date.AtStartOfDayInZone(c.Calendar.Zone).ToInstant();
            Assert.True(result > c.T);
            Assert.Equal(c.Calendar.AddBusinessDays(startOfDay, days), result);
        }));

    [Fact]
    public void AddCalendarDays_AnyStart_IsTheSameLocalTimeNDaysLater() =>
        PropertyRuns.Check(Prop.ForAll(CasesWithDays, x =>
        {
            var (c, n) = x;
            var zone = c.Reference.Zone;
            var expected = c.Reference.AddCalendarDays(c.T, n);
            Assert.Equal(expected, c.Calendar.Add(c.T, SlaDuration.Days(n)));
            Assert.Equal(expected, c.Calendar.AddCalendarDays(c.T, n));
            Assert.Equal(c.Reference.AddCalendarDays(c.T, 7 * n), c.Calendar.Add(c.T, new SlaDuration(n, SlaDurationUnit.Weeks, false)));

            var local = c.T.InZone(zone).LocalDateTime.PlusDays(n);
            if (n == 0)
            {
                Assert.Equal(c.T, expected);
            }
            else if (zone.MapLocal(local).Count == 1)
            {
                // Unambiguous and not skipped: the wall-clock time is kept exactly.
                Assert.Equal(local, expected.InZone(zone).LocalDateTime);
            }
            else
            {
                Assert.Equal(zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant(), expected);
            }
        }));
}
