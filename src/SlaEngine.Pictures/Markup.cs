using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Pictures;

/// <summary>Escaping and fixed, culture-independent formatting shared by the SVG and HTML writers.</summary>
internal static class Markup
{
    private static readonly LocalDateTimePattern DayTime = LocalDateTimePattern.CreateWithInvariantCulture("ddd d MMM HH:mm");
    private static readonly LocalDateTimePattern FullDayTime = LocalDateTimePattern.CreateWithInvariantCulture("ddd d MMM uuuu HH:mm");
    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("ddd d MMM");

    /// <summary>
    /// Escapes text for XML and HTML, in element content and in quoted attributes alike: <c>&amp; &lt; &gt; " '</c>
    /// become references, and characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) become
    /// U+FFFD, so any lead id or policy name yields well-formed markup that shows as text.
    /// </summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (replacement is null)
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                if (IsAllowed(c))
                {
                    builder?.Append(c);
                    continue;
                }

                replacement = "\uFFFD";
            }

            builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            builder.Append(replacement);
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>A coordinate or size with at most one decimal, invariant culture, never <c>-0</c>.</summary>
    internal static string Num(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>An integer, invariant culture.</summary>
    internal static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A percentage with one decimal, for example <c>94.5%</c>.</summary>
    internal static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>An instant as the JSON output prints it (UTC, fractional seconds only when non-zero).</summary>
    internal static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>A local date and time such as <c>Fri 20 Nov 10:30</c>.</summary>
    internal static string Local(Instant instant, DateTimeZone zone) => DayTime.Format(instant.InZone(zone).LocalDateTime);

    /// <summary>A local date and time with the year and the zone's abbreviation, such as <c>Fri 20 Nov 2026 10:30 EST</c>.</summary>
    internal static string LocalFull(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        return FullDayTime.Format(zoned.LocalDateTime) + " " + zone.GetZoneInterval(instant).Name;
    }

    /// <summary>A local date such as <c>Fri 20 Nov</c>.</summary>
    internal static string Date(LocalDate date) => Day.Format(date);

    /// <summary>A duration in business or elapsed seconds, for people: <c>45 s</c>, <c>12 min</c>, <c>3 h 05 min</c>, <c>2 d 4 h</c>.</summary>
    internal static string Seconds(double seconds)
    {
        var s = (long)Math.Round(seconds, MidpointRounding.AwayFromZero);
        if (s < 60)
        {
            return Int(s) + " s";
        }

        if (s < 3600)
        {
            return Int(s / 60) + " min";
        }

        if (s < 86400)
        {
            var minutes = (s % 3600) / 60;
            return minutes == 0 ? Int(s / 3600) + " h" : Int(s / 3600) + " h " + minutes.ToString("00", CultureInfo.InvariantCulture) + " min";
        }

        var hours = (s % 86400) / 3600;
        return hours == 0 ? Int(s / 86400) + " d" : Int(s / 86400) + " d " + Int(hours) + " h";
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
