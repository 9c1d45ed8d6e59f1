using System.Globalization;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A holiday of a <see cref="BusinessCalendar"/>: one date, a fixed date every year, or the n-th (or last)
/// weekday of a month. A holiday closes the whole of its date (an overnight interval opening the day before
/// still runs to its end); with an observance it also closes the observed date.
/// </summary>
public sealed record Holiday
{
    private Holiday(HolidayKind kind, string? name, HolidayObservance observed, LocalDate date, int month, int day, int nth, IsoDayOfWeek dayOfWeek)
    {
        Kind = kind;
        Name = name;
        Observed = observed;
        Date = date;
        Month = month;
        Day = day;
        Nth = nth;
        DayOfWeek = dayOfWeek;
    }

    /// <summary>Gets the optional name of the holiday (used in traces).</summary>
    public string? Name { get; }

    /// <summary>Gets how a weekend occurrence is observed.</summary>
    public HolidayObservance Observed { get; }

    internal HolidayKind Kind { get; }

    internal LocalDate Date { get; }

    internal int Month { get; }

    internal int Day { get; }

    internal int Nth { get; }

    internal IsoDayOfWeek DayOfWeek { get; }

    /// <summary>A holiday on one date.</summary>
    /// <param name="date">The date.</param>
    /// <param name="name">Optional name.</param>
    /// <param name="observed">Observance when the date is a weekend.</param>
    /// <returns>The holiday.</returns>
    public static Holiday OnDate(LocalDate date, string? name = null, HolidayObservance observed = HolidayObservance.None) =>
        new(HolidayKind.Date, name, observed, date, date.Month, date.Day, 0, default);

    /// <summary>A holiday on the same month and day every year (29 February occurs only in leap years).</summary>
    /// <param name="month">Month, 1–12.</param>
    /// <param name="day">Day of month, valid for the month in a leap year.</param>
    /// <param name="name">Optional name.</param>
    /// <param name="observed">Observance when the date is a weekend.</param>
    /// <returns>The holiday.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The month or day does not exist.</exception>
    public static Holiday Yearly(int month, int day, string? name = null, HolidayObservance observed = HolidayObservance.None)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be 1–12.");
        }

        if (day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(2000, month))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "The day does not exist in that month.");
        }

        return new(HolidayKind.Yearly, name, observed, default, month, day, 0, default);
    }

    /// <summary>A holiday on the n-th (1–5) or last (<c>-1</c>) given weekday of a month, every year.</summary>
    /// <param name="nth">1–5, or -1 for the last; a 5th weekday that a month lacks simply does not occur that year.</param>
    /// <param name="dayOfWeek">The weekday.</param>
    /// <param name="month">Month, 1–12.</param>
    /// <param name="name">Optional name.</param>
    /// <param name="observed">Observance when the date is a weekend.</param>
    /// <returns>The holiday.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static Holiday NthWeekdayOfMonth(int nth, IsoDayOfWeek dayOfWeek, int month, string? name = null, HolidayObservance observed = HolidayObservance.None)
    {
        if (nth is not (-1 or (>= 1 and <= 5)))
        {
            throw new ArgumentOutOfRangeException(nameof(nth), nth, "Use 1–5, or -1 for the last.");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be 1–12.");
        }

        if (dayOfWeek == IsoDayOfWeek.None)
        {
            throw new ArgumentOutOfRangeException(nameof(dayOfWeek));
        }

        return new(HolidayKind.NthWeekday, name, observed, default, month, 0, nth, dayOfWeek);
    }

    /// <summary>Whether this holiday closes <paramref name="date"/>: its occurrence in that year, or the date it is observed on.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>Whether the holiday closes the date.</returns>
    public bool Closes(LocalDate date)
    {
        var closed = new HashSet<LocalDate>();
        AddClosedDates(date.Year, closed);
        return closed.Contains(date);
    }

    /// <summary>Adds the dates this holiday closes (its date and any observed date) that fall in <paramref name="year"/>.</summary>
    internal void AddClosedDates(int year, HashSet<LocalDate> closed)
    {
        // Observed dates can move into the neighbouring year, so look one year either side.
        for (var y = year - 1; y <= year + 1; y++)
        {
            if (OccurrenceIn(y) is { } date)
            {
                if (date.Year == year)
                {
                    closed.Add(date);
                }

                if (ObservedDate(date) is { } observedDate && observedDate.Year == year)
                {
                    closed.Add(observedDate);
                }
            }
        }
    }

    /// <summary>Describes the holiday rule in policy syntax.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var rule = Kind switch
        {
            HolidayKind.Date => Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            HolidayKind.Yearly => string.Create(CultureInfo.InvariantCulture, $"{Month:00}-{Day:00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(Nth == -1 ? "last" : Ordinal(Nth))} {DayOfWeek.ToString()[..3].ToLowerInvariant()} of {CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(Month).ToLowerInvariant()}"),
        };
        return Name is null ? rule : $"{Name} ({rule})";
    }

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => n.ToString(CultureInfo.InvariantCulture) + "th" };

    private LocalDate? OccurrenceIn(int year)
    {
        switch (Kind)
        {
            case HolidayKind.Date:
                return Date.Year == year ? Date : null;
            case HolidayKind.Yearly:
                return Day <= CalendarSystem.Iso.GetDaysInMonth(year, Month) ? new LocalDate(year, Month, Day) : null;
            default:
                if (Nth == -1)
                {
                    var last = new LocalDate(year, Month, CalendarSystem.Iso.GetDaysInMonth(year, Month));
                    return last.DayOfWeek == DayOfWeek ? last : last.Previous(DayOfWeek);
                }

                var first = new LocalDate(year, Month, 1);
                var firstMatch = first.DayOfWeek == DayOfWeek ? first : first.Next(DayOfWeek);
                var result = firstMatch.PlusWeeks(Nth - 1);
                return result.Month == Month ? result : null;
        }
    }

    private LocalDate? ObservedDate(LocalDate date) => (Observed, date.DayOfWeek) switch
    {
        (HolidayObservance.NearestWeekday, IsoDayOfWeek.Saturday) => date.PlusDays(-1),
        (HolidayObservance.NearestWeekday, IsoDayOfWeek.Sunday) => date.PlusDays(1),
        (HolidayObservance.NextMonday, IsoDayOfWeek.Saturday) => date.PlusDays(2),
        (HolidayObservance.NextMonday, IsoDayOfWeek.Sunday) => date.PlusDays(1),
        _ => null,
    };
}
