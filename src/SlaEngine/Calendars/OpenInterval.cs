using System.Globalization;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A weekly or date-specific open interval in local time, half-open <c>[Open, Close)</c>, such as
/// <c>09:00-17:00</c>, the overnight <c>22:00-06:00</c> or the whole day <c>00:00-24:00</c>.
/// </summary>
/// <remarks>
/// An interval belongs to the date it opens on. When <see cref="Close"/> is at or before <see cref="Open"/>
/// (and <see cref="ClosesAtEndOfDay"/> is false) the interval runs past midnight and closes on the next date.
/// <c>24:00</c> is represented by <see cref="ClosesAtEndOfDay"/> with <see cref="Close"/> at midnight.
/// </remarks>
public readonly record struct OpenInterval
{
    /// <summary>Initializes a new instance of the <see cref="OpenInterval"/> struct.</summary>
    /// <param name="open">The local opening time.</param>
    /// <param name="close">The local closing time; at or before <paramref name="open"/> means the next date.</param>
    /// <param name="closesAtEndOfDay">True for a close written <c>24:00</c>; <paramref name="close"/> must then be midnight.</param>
    /// <exception cref="ArgumentException">Open equals close, or <paramref name="closesAtEndOfDay"/> with a close that is not midnight.</exception>
    public OpenInterval(LocalTime open, LocalTime close, bool closesAtEndOfDay = false)
    {
        if (closesAtEndOfDay && close != LocalTime.Midnight)
        {
            throw new ArgumentException("An interval closing at 24:00 must have a midnight close time.", nameof(close));
        }

        if (!closesAtEndOfDay && open == close)
        {
            throw new ArgumentException("An open interval cannot start and end at the same time.", nameof(close));
        }

        Open = open;
        Close = close;
        ClosesAtEndOfDay = closesAtEndOfDay;
    }

    /// <summary>Gets the local opening time.</summary>
    public LocalTime Open { get; }

    /// <summary>Gets the local closing time (midnight when <see cref="ClosesAtEndOfDay"/>).</summary>
    public LocalTime Close { get; }

    /// <summary>Gets a value indicating whether the interval closes at 24:00, the end of its date.</summary>
    public bool ClosesAtEndOfDay { get; }

    /// <summary>Gets a value indicating whether the interval closes on the next date (for example <c>22:00-06:00</c>).</summary>
    public bool IsOvernight => !ClosesAtEndOfDay && Close <= Open;

    /// <summary>Gets the minute of the opening, from the start of the opening date.</summary>
    internal int OpenMinute => (Open.Hour * 60) + Open.Minute;

    /// <summary>Gets the minute of the close, from the start of the opening date (over 1440 for overnight intervals).</summary>
    internal int CloseMinute => ClosesAtEndOfDay ? 1440 : (Close.Hour * 60) + Close.Minute + (IsOvernight ? 1440 : 0);

    /// <summary>Creates an interval from whole hours and minutes.</summary>
    /// <param name="openHour">Opening hour, 0–23.</param>
    /// <param name="openMinute">Opening minute.</param>
    /// <param name="closeHour">Closing hour, 0–24 (24 only with minute 0).</param>
    /// <param name="closeMinute">Closing minute.</param>
    /// <returns>The interval.</returns>
    public static OpenInterval FromHours(int openHour, int openMinute, int closeHour, int closeMinute) =>
        closeHour == 24 && closeMinute == 0
            ? new OpenInterval(new LocalTime(openHour, openMinute), LocalTime.Midnight, closesAtEndOfDay: true)
            : new OpenInterval(new LocalTime(openHour, openMinute), new LocalTime(closeHour, closeMinute));

    /// <summary>Parses <c>HH:MM-HH:MM</c> (the close may be <c>24:00</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="FormatException">The text is not a valid interval.</exception>
    public static OpenInterval Parse(string text) =>
        TryParse(text, out var interval)
            ? interval
            : throw new FormatException($"'{text}' is not an open interval like 09:00-17:00.");

    /// <summary>Tries to parse <c>HH:MM-HH:MM</c> (the close may be <c>24:00</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="interval">The interval, when the text is valid.</param>
    /// <returns>Whether the text is a valid interval (start and end must differ).</returns>
    public static bool TryParse(string? text, out OpenInterval interval)
    {
        interval = default;
        if (text is null)
        {
            return false;
        }

        var parts = text.Trim().Split('-');
        if (parts.Length != 2
            || !TryParseClock(parts[0].Trim(), allow24: false, out var oh, out var om)
            || !TryParseClock(parts[1].Trim(), allow24: true, out var ch, out var cm))
        {
            return false;
        }

        if (ch != 24 && oh == ch && om == cm)
        {
            return false;
        }

        interval = FromHours(oh, om, ch, cm);
        return true;
    }

    /// <summary>Formats the interval as <c>HH:MM-HH:MM</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Open.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + (ClosesAtEndOfDay ? "24:00" : Close.ToString("HH:mm", CultureInfo.InvariantCulture));

    internal static bool TryParseClock(string text, bool allow24, out int hour, out int minute)
    {
        hour = minute = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || colon > 2 || text.Length - colon != 3
            || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out hour)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out minute))
        {
            return false;
        }

        return minute < 60 && (hour < 24 || (allow24 && hour == 24 && minute == 0));
    }
}
