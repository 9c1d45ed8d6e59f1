using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// Precomputed business dates of one local year of a calendar: which dates are business dates and the last close
/// of each, so that <see cref="BusinessCalendar.AddBusinessDays"/> jumps instead of walking day by day.
/// </summary>
internal sealed class CalendarYear
{
    internal CalendarYear(int year, bool[] holidayClosed, int[] businessBefore, int[] businessDays, long[] lastClose)
    {
        Year = year;
        HolidayClosed = holidayClosed;
        BusinessBefore = businessBefore;
        BusinessDays = businessDays;
        LastClose = lastClose;
    }

    internal int Year { get; }

    /// <summary>Gets, per day of year (0-based), whether a holiday closes the date.</summary>
    internal bool[] HolidayClosed { get; }

    /// <summary>Gets, per day of year (0-based) plus one, the number of business dates before that day.</summary>
    internal int[] BusinessBefore { get; }

    /// <summary>Gets the 0-based day-of-year of each business date, in order.</summary>
    internal int[] BusinessDays { get; }

    /// <summary>Gets the last close (Unix ticks) of each business date, parallel to <see cref="BusinessDays"/>.</summary>
    internal long[] LastClose { get; }

    internal int BusinessDayCount => BusinessDays.Length;

    internal bool IsBusinessDay(int dayIndex) => BusinessBefore[dayIndex + 1] > BusinessBefore[dayIndex];

    internal static int DayIndex(LocalDate date) => date.DayOfYear - 1;
}
