namespace SlaEngine.Diagnostics;

/// <summary>Stable diagnostic codes. This part: business calendars (SLA0200–SLA0299).</summary>
public static partial class DiagnosticCodes
{
    /// <summary>The calendar's <c>zone</c> is not an IANA (tzdb) time zone id.</summary>
    public const string UnknownZone = "SLA0201";

    /// <summary>An open interval is not written <c>HH:MM-HH:MM</c> (hours 00–23, the close may be 24:00).</summary>
    public const string InvalidInterval = "SLA0202";

    /// <summary>An open interval starts and ends at the same time.</summary>
    public const string EmptyInterval = "SLA0203";

    /// <summary>Two open intervals of the same day overlap.</summary>
    public const string OverlappingIntervals = "SLA0204";

    /// <summary>The calendar has no open time in any week.</summary>
    public const string NoOpenTime = "SLA0205";

    /// <summary>A holiday is malformed or can never occur (for example <c>6th mon of feb</c>, or <c>02-30</c>).</summary>
    public const string InvalidHoliday = "SLA0206";

    /// <summary>An override's date is not a valid <c>YYYY-MM-DD</c> date, or its hours are neither a list nor <c>closed</c>.</summary>
    public const string InvalidOverride = "SLA0207";

    /// <summary>A weekday key is not <c>mon</c>..<c>sun</c>, a range like <c>mon-fri</c> or a list like <c>mon,wed</c>.</summary>
    public const string InvalidWeekday = "SLA0208";

    /// <summary>The same weekday is given hours twice in one calendar.</summary>
    public const string DuplicateWeekday = "SLA0209";

    /// <summary>A calendar (or a calendar a command names) is not defined in the policy.</summary>
    public const string UnknownCalendar = "SLA0210";
}
