using NodaTime;
using NodaTime.Text;
using SlaEngine.Evaluation;

namespace SlaEngine.Cli;

/// <summary>
/// Which zone the tool shows instants in (<c>--zone</c>): UTC (the default, and what JSON lines print), the calendar
/// of the lead, command or policy at hand (<c>calendar</c>), or one IANA zone.
/// </summary>
internal sealed class TimeZoneChoice
{
    private TimeZoneChoice(DateTimeZone? zone, bool calendar)
    {
        Zone = zone;
        IsCalendar = calendar;
    }

    /// <summary>Gets UTC: instants print as <c>2026-11-20T18:30:00Z</c>.</summary>
    internal static TimeZoneChoice Utc { get; } = new(null, false);

    /// <summary>Gets the calendar's zone: instants print with the calendar's offset.</summary>
    internal static TimeZoneChoice Calendar { get; } = new(null, true);

    /// <summary>Gets the fixed zone, or null for <see cref="Utc"/> and <see cref="Calendar"/>.</summary>
    internal DateTimeZone? Zone { get; }

    /// <summary>Gets a value indicating whether instants are shown in the zone of the calendar at hand.</summary>
    internal bool IsCalendar { get; }

    /// <summary>Gets a value indicating whether instants are shown in UTC (the default).</summary>
    internal bool IsUtc => Zone is null && !IsCalendar;

    /// <summary>Returns <c>utc</c>, <c>calendar</c> or the zone id, as written on the command line.</summary>
    public override string ToString() => IsCalendar ? "calendar" : Zone?.Id ?? "utc";

    /// <summary>Parses <c>utc</c>, <c>calendar</c> or an IANA zone id (case-insensitive).</summary>
    internal static bool TryParse(string text, out TimeZoneChoice choice)
    {
        choice = Utc;
        if (string.Equals(text, "utc", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "z", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "calendar", StringComparison.OrdinalIgnoreCase))
        {
            choice = Calendar;
            return true;
        }

        var id = DateTimeZoneProviders.Tzdb.Ids.FirstOrDefault(i => string.Equals(i, text, StringComparison.OrdinalIgnoreCase));
        if (id is null)
        {
            return false;
        }

        choice = new TimeZoneChoice(DateTimeZoneProviders.Tzdb[id], false);
        return true;
    }

    /// <summary>The zone to show instants in, given the zone of the calendar at hand (null when there is none: UTC).</summary>
    internal DateTimeZone? Resolve(DateTimeZone? calendarZone) => IsCalendar ? calendarZone : Zone;

    /// <summary>Formats an instant in <paramref name="zone"/> with its offset, or in UTC as the JSON output does when null.</summary>
    internal static string Format(Instant instant, DateTimeZone? zone) =>
        zone is null ? EvaluationJson.FormatInstant(instant) : Patterns.Offset.Format(instant.InZone(zone).ToOffsetDateTime());

    /// <summary>Formats an instant in the chosen zone (<paramref name="calendarZone"/> for <c>calendar</c>).</summary>
    internal string Show(Instant instant, DateTimeZone? calendarZone = null) => Format(instant, Resolve(calendarZone));

    /// <summary>Built on first use only: building a NodaTime pattern costs start-up time that UTC output never needs.</summary>
    private static class Patterns
    {
        internal static readonly OffsetDateTimePattern Offset =
            OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFFo<Z+HH:mm>");
    }
}
