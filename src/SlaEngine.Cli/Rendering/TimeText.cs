using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Cli.Rendering;

/// <summary>
/// Instants in tables: date, then time without seconds unless they are non-zero, with the offset of the zone shown
/// (<c>2026-11-20 13:30-05:00</c>) or <c>Z</c> for UTC (<c>2026-11-20 18:30Z</c>). The space lets a narrow column wrap
/// between date and time, never inside either.
/// </summary>
internal static class TimeText
{
    private static readonly OffsetDateTimePattern Minutes = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mmo<Z+HH:mm>");
    private static readonly OffsetDateTimePattern Seconds = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFFFFo<Z+HH:mm>");

    /// <summary>Formats <paramref name="instant"/> in <paramref name="zone"/> (UTC when null).</summary>
    internal static string Format(Instant instant, DateTimeZone? zone)
    {
        var local = instant.InZone(zone ?? DateTimeZone.Utc).ToOffsetDateTime();
        return local.Second == 0 && local.NanosecondOfSecond == 0 ? Minutes.Format(local) : Seconds.Format(local);
    }
}
