using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Samples.Testing;

/// <summary>
/// Sample properties written with <see cref="SlaEngineGenerators"/>: the laws of business time from the spec (section
/// 3), over generated calendars. Each returns an FsCheck <see cref="Property"/>; a test runs it, for example in xunit:
/// <code>
/// [Fact]
/// public void Add_ThenBetween_GivesTheBudgetBack() =&gt;
///     Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), BusinessTimeProperties.AddThenBetweenGivesTheBudgetBack());
/// </code>
/// </summary>
public static class BusinessTimeProperties
{
    /// <summary><c>between(t, add(t, d)) == d</c>.</summary>
    /// <returns>The property.</returns>
    public static Property AddThenBetweenGivesTheBudgetBack() => Prop.ForAll(
        SlaEngineGenerators.Calendars().ToArbitrary(),
        SlaEngineGenerators.Instants().ToArbitrary(),
        SlaEngineGenerators.BusinessTime().ToArbitrary(),
        (calendar, start, budget) => calendar.Between(start, calendar.Add(start, budget)) == budget);

    /// <summary><c>add(t, 0) == t</c>, and adding business time never moves backwards.</summary>
    /// <returns>The property.</returns>
    public static Property AddNeverMovesBackwards() => Prop.ForAll(
        SlaEngineGenerators.Calendars().ToArbitrary(),
        SlaEngineGenerators.Instants().ToArbitrary(),
        SlaEngineGenerators.BusinessTime().ToArbitrary(),
        (calendar, start, budget) => calendar.Add(start, Duration.Zero) == start && calendar.Add(start, budget) >= start);

    /// <summary>A business-day deadline is a close (open just before it) on a date after the start's date.</summary>
    /// <returns>The property.</returns>
    public static Property AddBusinessDaysEndsAtACloseOnALaterDate() => Prop.ForAll(
        SlaEngineGenerators.Calendars().ToArbitrary(),
        SlaEngineGenerators.Instants().ToArbitrary(),
        Gen.Choose(1, 30).ToArbitrary(),
        (calendar, start, days) =>
        {
            var due = calendar.AddBusinessDays(start, days);
            return calendar.IsOpen(due - Duration.FromMinutes(1))
                && due.InZone(calendar.Zone).Date > start.InZone(calendar.Zone).Date
                && due > start;
        });

    /// <summary>A longer SLA duration never gives an earlier deadline.</summary>
    /// <returns>The property.</returns>
    public static Property SlaDurationIsMonotonicInTheAmount() => Prop.ForAll(
        SlaEngineGenerators.Calendars().ToArbitrary(),
        SlaEngineGenerators.Instants().ToArbitrary(),
        SlaEngineGenerators.SlaDurations().ToArbitrary(),
        (calendar, start, duration) =>
        {
            var longer = new SlaDuration(duration.Amount + 1, duration.Unit, duration.IsBusiness);
            return calendar.Add(start, duration) <= calendar.Add(start, longer);
        });
}
