using System.Text;
using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Evaluation;

/// <summary>
/// The text of instants in SlaEngine's JSON, both ways. Read: ISO-8601 with <c>Z</c> or an offset
/// (<c>2026-11-20T15:30:00Z</c>, <c>2026-11-20T10:30:00-05:00</c>, fractional seconds allowed); a local time without
/// an offset, or a bare date, is not an instant. Written: UTC as <c>uuuu-MM-ddTHH:mm:ssZ</c>, with fractional seconds
/// only when they are not zero. Stateless and thread-safe.
/// </summary>
public static class InstantText
{
    /// <summary>The length of <c>uuuu-MM-ddTHH:mm:ssZ</c>.</summary>
    internal const int CanonicalLength = 20;

    /// <summary>Parses an ISO-8601 instant with <c>Z</c> or an offset.</summary>
    /// <param name="text">The text; null or empty is not an instant.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>Whether the text is an instant.</returns>
    public static bool TryParse(string? text, out Instant instant)
    {
        instant = default;

        // NodaTime's parser stops at a NUL character, so "…Z\0junk" would read as an instant: refuse NUL outright.
        if (string.IsNullOrEmpty(text) || text.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Length == CanonicalLength)
        {
            Span<byte> ascii = stackalloc byte[CanonicalLength];
            var isAscii = true;
            for (var i = 0; i < CanonicalLength; i++)
            {
                isAscii &= text[i] < 128;
                ascii[i] = (byte)text[i];
            }

            if (isAscii && TryParseCanonicalUtc(ascii, out instant))
            {
                return true;
            }
        }

        var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (result.Success)
        {
            instant = result.Value.ToInstant();
            return true;
        }

        var utc = InstantPattern.ExtendedIso.Parse(text);
        if (utc.Success)
        {
            instant = utc.Value;
            return true;
        }

        return false;
    }

    /// <summary>Parses an ISO-8601 instant with <c>Z</c> or an offset from UTF-8 text.</summary>
    /// <param name="utf8">The UTF-8 text; invalid UTF-8 is not an instant.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>Whether the text is an instant.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Instant instant)
    {
        if (TryParseCanonicalUtc(utf8, out instant))
        {
            return true;
        }

        if (utf8.Length > 64 || !System.Text.Unicode.Utf8.IsValid(utf8))
        {
            instant = default;
            return false;
        }

        return TryParse(Encoding.UTF8.GetString(utf8), out instant);
    }

    /// <summary>Formats an instant the way SlaEngine's JSON does: UTC, <c>uuuu-MM-ddTHH:mm:ssZ</c>, fractional seconds only when not zero.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text.</returns>
    public static string Format(Instant instant)
    {
        Span<byte> utf8 = stackalloc byte[CanonicalLength];
        return TryFormatCanonicalUtc(instant, utf8) ? Encoding.ASCII.GetString(utf8) : InstantPattern.ExtendedIso.Format(instant);
    }

    /// <summary>
    /// Parses exactly <c>uuuu-MM-ddTHH:mm:ssZ</c> (years 0001–9999, no fraction): the form almost every lead uses.
    /// Anything else returns false and goes through NodaTime's patterns, so the accepted language is unchanged.
    /// </summary>
    internal static bool TryParseCanonicalUtc(ReadOnlySpan<byte> text, out Instant instant)
    {
        instant = default;
        if (text.Length != CanonicalLength
            || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T'
            || text[13] != (byte)':' || text[16] != (byte)':' || text[19] != (byte)'Z')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        instant = Instant.FromUtc(year, month, day, hour, minute, second);
        return true;
    }

    /// <summary>
    /// Writes <c>uuuu-MM-ddTHH:mm:ssZ</c> as UTF-8 without allocating, for instants on a whole second in years
    /// 0001–9999 — exactly what <see cref="Format"/> prints for them; other instants return false.
    /// </summary>
    internal static bool TryFormatCanonicalUtc(Instant instant, Span<byte> utf8)
    {
        var utc = instant.InUtc();
        var year = utc.Year;
        if (utc.NanosecondOfSecond != 0 || year is < 1 or > 9999 || utf8.Length < CanonicalLength)
        {
            return false;
        }

        var date = utc.Date;
        var time = utc.TimeOfDay;
        Two(utf8, 0, year / 100);
        Two(utf8, 2, year % 100);
        utf8[4] = (byte)'-';
        Two(utf8, 5, date.Month);
        utf8[7] = (byte)'-';
        Two(utf8, 8, date.Day);
        utf8[10] = (byte)'T';
        Two(utf8, 11, time.Hour);
        utf8[13] = (byte)':';
        Two(utf8, 14, time.Minute);
        utf8[16] = (byte)':';
        Two(utf8, 17, time.Second);
        utf8[19] = (byte)'Z';
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary>Writes a value below 100 as two digits.</summary>
    private static void Two(Span<byte> utf8, int start, int value)
    {
        utf8[start + 1] = (byte)('0' + (value % 10));
        utf8[start] = (byte)('0' + (value / 10));
    }
}
