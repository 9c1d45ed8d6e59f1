using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Tests.Calendars;
using Interval = NodaTime.Interval;

namespace SlaEngine.Tests.Properties;

/// <summary>Pause-aware deadlines (spec 3.4) against a minute-stepping reference.</summary>
public sealed class PausedClockProperties
{
    private static Arbitrary<PausedCase> ModernCases =>
        (from scenario in CalendarArbitraries.ModernScenario
         from t in CalendarArbitraries.InstantNear(scenario)
         from d in CalendarArbitraries.ClockDuration
         from pauses in CalendarArbitraries.Pauses(TruncateToMinute(t))
         select new PausedCase(scenario, TruncateToMinute(t), d, pauses)).ToArbitrary();

    private static Arbitrary<PausedCase> AnyCases =>
        (from scenario in CalendarArbitraries.Scenario
         from t in CalendarArbitraries.InstantNear(scenario)
         from d in CalendarArbitraries.ClockDuration
         from pauses in CalendarArbitraries.Pauses(t)
         select new PausedCase(scenario, t, d, pauses)).ToArbitrary();

    [Fact]
    public void Due_WithPauses_AgreesWithMinuteSteppingReference() =>
        PropertyRuns.Check(Prop.ForAll(ModernCases, c =>
        {
            var due = c.Scenario.Calendar.Add(c.Start, c.Duration, PauseSchedule.Create(c.Pauses));
            Assert.Equal(c.Scenario.Reference.DueByMinuteStepping(c.Start, c.Duration, c.Pauses), due);
        }));

    [Fact]
    public void Due_WithPausesAnyYearAndSecond_AgreesWithIntervalWalkingReference() =>
        PropertyRuns.Check(Prop.ForAll(AnyCases, c =>
        {
            var due = c.Scenario.Calendar.Add(c.Start, c.Duration, PauseSchedule.Create(c.Pauses));
            Assert.Equal(c.Scenario.Reference.Due(c.Start, c.Duration, c.Pauses), due);
        }));

    [Fact]
    public void Due_PausesOnlyWhileClosed_DoNotMoveBusinessDeadlines() =>
        PropertyRuns.Check(Prop.ForAll(AnyCases, c =>
        {
            var duration = c.Duration.IsBusiness ? c.Duration : new SlaDuration(c.Duration.Amount, c.Duration.Unit, true);
            var closedPauses = ClosedParts(c.Scenario.Reference, c.Pauses);
            var calendar = c.Scenario.Calendar;
            Assert.Equal(calendar.Add(c.Start, duration), calendar.Add(c.Start, duration, PauseSchedule.Create(closedPauses)));
        }));

    [Fact]
    public void Measure_WithPauses_IsBetweenMinusPausedOpenTime() =>
        PropertyRuns.Check(Prop.ForAll(AnyCases, c =>
        {
            var clock = new SlaClock(c.Scenario.Calendar, true, PauseSchedule.Create(c.Pauses));
            var end = c.Start + Duration.FromDays(10);
            var expected = c.Scenario.Reference.Between(c.Start, end)
                - PauseSchedule.Create(c.Pauses).Intervals.Aggregate(
                    Duration.Zero,
                    (sum, p) => sum + c.Scenario.Reference.Between(Instant.Max(p.Start, c.Start), Instant.Max(Instant.Min(p.End, end), Instant.Max(p.Start, c.Start))));
            Assert.Equal(expected, clock.Measure(c.Start, end));
            Assert.Equal(-expected, clock.Measure(end, c.Start));
        }));

    private static Instant TruncateToMinute(Instant t) =>
        Instant.FromUnixTimeTicks(t.ToUnixTimeTicks() - (((t.ToUnixTimeTicks() % NodaConstants.TicksPerMinute) + NodaConstants.TicksPerMinute) % NodaConstants.TicksPerMinute));

    private static List<Interval> ClosedParts(ReferenceCalendar reference, ImmutableArray<Interval> pauses)
    {
        var result = new List<Interval>();
        foreach (var pause in pauses)
        {
            var cursor = pause.Start;
            foreach (var (start, end) in reference.Segments(pause.Start, pause.End))
            {
                if (start > cursor)
                {
                    result.Add(new Interval(cursor, start));
                }

                cursor = end;
            }

            if (pause.End > cursor)
            {
                result.Add(new Interval(cursor, pause.End));
            }
        }

        return result;
    }

    internal sealed record PausedCase(CalendarScenario Scenario, Instant Start, SlaDuration Duration, ImmutableArray<Interval> Pauses)
    {
        public override string ToString() =>
            $"start={Start} duration='{Duration}' pauses=[{string.Join(", ", Pauses)}]; {Scenario}";
    }
}
