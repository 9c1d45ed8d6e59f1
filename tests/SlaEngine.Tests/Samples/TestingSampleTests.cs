using FsCheck;
using FsCheck.Fluent;
using SlaEngine.Samples.Testing;

namespace SlaEngine.Tests.Samples;

/// <summary>Runs the sample properties of samples/Testing against the current engine, so the sample cannot rot.</summary>
public sealed class TestingSampleTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Add_ThenBetween_GivesTheBudgetBack() => Check.One(Config, BusinessTimeProperties.AddThenBetweenGivesTheBudgetBack());

    [Fact]
    public void Add_NeverMovesBackwards() => Check.One(Config, BusinessTimeProperties.AddNeverMovesBackwards());

    [Fact]
    public void AddBusinessDays_EndsAtACloseOnALaterDate() => Check.One(Config, BusinessTimeProperties.AddBusinessDaysEndsAtACloseOnALaterDate());

    [Fact]
    public void SlaDuration_IsMonotonicInTheAmount() => Check.One(Config, BusinessTimeProperties.SlaDurationIsMonotonicInTheAmount());

    [Fact]
    public void Generators_ProduceValidCalendars()
    {
        var calendars = SlaEngineGenerators.Calendars().Sample(50);

        Assert.All(calendars, c => Assert.Contains(SlaEngineGenerators.ZoneIds, id => id == c.Zone.Id));
    }
}
