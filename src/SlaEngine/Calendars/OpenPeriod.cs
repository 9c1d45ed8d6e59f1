using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// One open interval of a <see cref="BusinessCalendar"/> on one date, resolved to instants: what
/// <see cref="BusinessCalendar.OpenPeriods"/> enumerates, for example to draw a calendar's business hours.
/// </summary>
/// <remarks>
/// <see cref="Start"/> and <see cref="End"/> are the interval's local open and close resolved with NodaTime's lenient
/// resolver, exactly as the calendar's arithmetic uses them; an overnight interval ends on the next date, and an
/// interval closing at <c>24:00</c> ends at the next date's start. Immutable.
/// </remarks>
public readonly record struct OpenPeriod
{
    internal OpenPeriod(LocalDate date, OpenInterval hours, Instant start, Instant end, bool isOverride)
    {
        Date = date;
        Hours = hours;
        Start = start;
        End = end;
        IsOverride = isOverride;
    }

    /// <summary>Gets the local date the interval belongs to (the date it opens on).</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the interval in local time, as written in the policy.</summary>
    public OpenInterval Hours { get; }

    /// <summary>Gets the opening instant (inclusive).</summary>
    public Instant Start { get; }

    /// <summary>Gets the closing instant (exclusive).</summary>
    public Instant End { get; }

    /// <summary>Gets a value indicating whether the interval comes from a date override rather than the weekly hours.</summary>
    public bool IsOverride { get; }
}
