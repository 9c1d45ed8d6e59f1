using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Diagnostics;

namespace SlaEngine.Calendars;

/// <summary>
/// Builds an immutable <see cref="BusinessCalendar"/> in code: a time zone, weekly open intervals, holidays and date overrides.
/// </summary>
/// <example>
/// <code>
/// var calendar = new BusinessCalendarBuilder("us-sales", DateTimeZoneProviders.Tzdb["America/New_York"])
///     .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, OpenInterval.Parse("09:00-12:00"), OpenInterval.Parse("13:00-17:00"))
///     .WithHoliday(Holiday.NthWeekdayOfMonth(4, IsoDayOfWeek.Thursday, 11, "Thanksgiving"))
///     .Build();
/// </code>
/// </example>
/// <remarks>A builder is not thread-safe; the calendars it builds are.</remarks>
public sealed class BusinessCalendarBuilder
{
    private readonly ImmutableArray<OpenInterval>[] _weekly = Enumerable.Repeat(ImmutableArray<OpenInterval>.Empty, 8).ToArray();
    private readonly List<Holiday> _holidays = [];
    private readonly Dictionary<LocalDate, ImmutableArray<OpenInterval>> _overrides = [];

    /// <summary>Initializes a new instance of the <see cref="BusinessCalendarBuilder"/> class.</summary>
    /// <param name="name">The calendar's name.</param>
    /// <param name="zone">The calendar's time zone.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BusinessCalendarBuilder(string name, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(zone);
        Name = name;
        Zone = zone;
    }

    /// <summary>Gets the calendar's name.</summary>
    public string Name { get; }

    /// <summary>Gets the calendar's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Sets the open intervals of one weekday (replacing earlier ones); no intervals means closed.</summary>
    /// <param name="day">The weekday.</param>
    /// <param name="intervals">The intervals.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithHours(IsoDayOfWeek day, params OpenInterval[] intervals)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day));
        }

        _weekly[(int)day] = [.. intervals];
        return this;
    }

    /// <summary>Sets the open intervals of a range of weekdays, inclusive (wrapping past Sunday is allowed).</summary>
    /// <param name="from">The first weekday.</param>
    /// <param name="to">The last weekday.</param>
    /// <param name="intervals">The intervals.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithHours(IsoDayOfWeek from, IsoDayOfWeek to, params OpenInterval[] intervals)
    {
        for (var d = (int)from; ; d = (d % 7) + 1)
        {
            WithHours((IsoDayOfWeek)d, intervals);
            if (d == (int)to)
            {
                return this;
            }
        }
    }

    /// <summary>Adds a holiday.</summary>
    /// <param name="holiday">The holiday.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithHoliday(Holiday holiday)
    {
        ArgumentNullException.ThrowIfNull(holiday);
        _holidays.Add(holiday);
        return this;
    }

    /// <summary>Replaces the weekly hours of one date (an override wins over a holiday on the same date).</summary>
    /// <param name="date">The date.</param>
    /// <param name="intervals">The intervals of that date; none means closed.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder WithOverride(LocalDate date, params OpenInterval[] intervals)
    {
        _overrides[date] = [.. intervals];
        return this;
    }

    /// <summary>Validates the definition and builds the calendar.</summary>
    /// <returns>The immutable calendar.</returns>
    /// <exception cref="PolicyValidationException">Intervals overlap on a day, or no weekday has open time.</exception>
    public BusinessCalendar Build()
    {
        var diagnostics = new List<Diagnostic>();
        for (var d = 1; d <= 7; d++)
        {
            foreach (var problem in CalendarRules.CheckDay(_weekly[d]))
            {
                diagnostics.Add(new Diagnostic(problem.Code, DiagnosticSeverity.Error, $"calendar '{Name}', {(IsoDayOfWeek)d}: {problem.Message}", string.Empty, 0, 0));
            }
        }

        foreach (var (date, intervals) in _overrides)
        {
            foreach (var problem in CalendarRules.CheckDay(intervals))
            {
                diagnostics.Add(new Diagnostic(problem.Code, DiagnosticSeverity.Error, $"calendar '{Name}', override {date:uuuu-MM-dd}: {problem.Message}", string.Empty, 0, 0));
            }
        }

        if (!CalendarRules.HasOpenTime(_weekly.Skip(1).Select(d => (IReadOnlyList<OpenInterval>)d)))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NoOpenTime, DiagnosticSeverity.Error, $"calendar '{Name}' has no open time in any week", string.Empty, 0, 0));
        }

        if (diagnostics.Count > 0)
        {
            throw new PolicyValidationException(diagnostics);
        }

        return new BusinessCalendar(Name, Zone, [.. _weekly], [.. _holidays], _overrides.ToImmutableDictionary());
    }
}
