using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Samples.Testing;

/// <summary>
/// Sample properties written with <see cref="SlaEngineGenerators"/>: the laws of business time from the spec (section
/// 3), checked on generated calendars. Write properties like these for calendars and policies of your own.
/// </summary>
public sealed class BusinessTimeProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Add_ThenBetween_GivesTheBudgetBack()
    {
        var property = Prop.ForAll(
            SlaEngineGenerators.Calendars().ToArbitrary(),
            SlaEngineGenerators.Instants().ToArbitrary(),
            SlaEngineGenerators.BusinessTime().ToArbitrary(),
            (calendar, start, budget) => calendar.Between(start, calendar.Add(start, budget)) == budget);

        Check.One(Config, property);
    }

    [Fact]
    public void Add_NeverMovesBackwards_AndZeroIsIdentity()
    {
        var property = Prop.ForAll(
            SlaEngineGenerators.Calendars().ToArbitrary(),
            SlaEngineGenerators.Instants().ToArbitrary(),
            SlaEngineGenerators.BusinessTime().ToArbitrary(),
            (calendar, start, budget) => calendar.Add(start, Duration.Zero) == start && calendar.Add(start, budget) >= start);

        Check.One(Config, property);
    }

    [Fact]
    public void AddBusinessDays_EndsAtAClose_OnALaterDate()
    {
        var property = Prop.ForAll(
            SlaEngineGenerators.Calendars().ToArbitrary(),
            SlaEngineGenerators.Instants().ToArbitrary(),
            Gen.Choose(1, 30).ToArbitrary(),
            (calendar, start, days) =>
            {
                var due = calendar.AddBusinessDays(start, days);

                // The deadline is a close: open just before it, and it lies on a date after the start's date.
                return calendar.IsOpen(due - Duration.FromMinutes(1))
                    && due.InZone(calendar.Zone).Date > start.InZone(calendar.Zone).Date
                    && due > start;
            });

        Check.One(Config, property);
    }

    [Fact]
    public void SlaDuration_AddOnCalendar_IsMonotonicInTheAmount()
    {
        var property = Prop.ForAll(
            SlaEngineGenerators.Calendars().ToArbitrary(),
            SlaEngineGenerators.Instants().ToArbitrary(),
            SlaEngineGenerators.SlaDurations().ToArbitrary(),
            (calendar, start, duration) =>
            {
                var longer = new SlaDuration(duration.Amount + 1, duration.Unit, duration.IsBusiness);
                return calendar.Add(start, duration) <= calendar.Add(start, longer);
            });

        Check.One(Config, property);
    }
}
