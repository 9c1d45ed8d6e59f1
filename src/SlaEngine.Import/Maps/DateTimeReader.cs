using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;
using NodaTime.Text;

namespace SlaEngine.Import.Maps;

/// <summary>How a date-time was turned into an instant.</summary>
internal enum DateTimeResolution
{
    /// <summary>The text carried an offset, or its local time maps to exactly one instant.</summary>
    Exact,

    /// <summary>The text had a date only; the start of the day was taken.</summary>
    DateOnly,

    /// <summary>The local time fell in a daylight-saving gap and was moved forward by the gap.</summary>
    Skipped,

    /// <summary>The local time occurred twice (daylight-saving overlap); the earlier instant was taken.</summary>
    Ambiguous,
}

/// <summary>One accepted date-time format.</summary>
internal sealed class DateFormat
{
    public DateFormat(string pattern, bool hasOffset, bool hasTime)
    {
        Pattern = pattern;
        HasOffset = hasOffset;
        HasTime = hasTime;
    }

    public string Pattern { get; }

    public bool HasOffset { get; }

    public bool HasTime { get; }

    /// <summary>Checks a .NET custom date and time format; returns the format or the reason it cannot be used.</summary>
    public static DateFormat? TryCreate(string pattern, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            problem = "a date_format must not be empty";
            return null;
        }

        if (pattern.Length == 1)
        {
            problem = "standard format letters such as `" + pattern + "` are not supported; write a custom format such as yyyy-MM-dd HH:mm";
            return null;
        }

        var hasOffset = false;
        var hasTime = false;
        var hasDate = false;
        var quote = '\0';
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '\\':
                    i++;
                    break;
                case 'z':
                    hasOffset = true;
                    break;
                case 'K':
                    problem = "`K` is not supported in a date_format; use zzz for an offset such as -05:00, or leave the offset out and set `zone`";
                    return null;
                case 'H' or 'h' or 'm' or 's':
                    hasTime = true;
                    break;
                case 'd' or 'M' or 'y':
                    hasDate = true;
                    break;
            }
        }

        if (!hasDate)
        {
            problem = "the format `" + pattern + "` has no date (d, M, y)";
            return null;
        }

        var sample = new DateTimeOffset(2026, 11, 20, 15, 30, 45, TimeSpan.FromHours(-5));
        try
        {
            var text = sample.ToString(pattern, CultureInfo.InvariantCulture);
            if (!DateTimeOffset.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                problem = "the format `" + pattern + "` cannot read back what it writes (" + text + ")";
                return null;
            }
        }
        catch (FormatException)
        {
            problem = "`" + pattern + "` is not a valid .NET custom date and time format";
            return null;
        }

        return new DateFormat(pattern, hasOffset, hasTime);
    }
}

/// <summary>
/// Reads the date-times of one column: its formats (tried in order), then ISO-8601 with <c>Z</c> or an offset; local
/// date-times are placed in the zone with NodaTime's lenient resolver (<see cref="Resolvers.LenientResolver"/>): a
/// time skipped by a daylight-saving gap moves forward by the gap's length, an ambiguous one takes the earlier instant.
/// Immutable and thread-safe.
/// </summary>
internal sealed class DateTimeReader
{
    public DateTimeReader(ImmutableArray<DateFormat> formats, DateTimeZone zone)
    {
        Formats = formats;
        Zone = zone;
    }

    public ImmutableArray<DateFormat> Formats { get; }

    /// <summary>ISO-8601 with <c>Z</c> or an offset, as lead JSON writes instants (fractional seconds allowed).</summary>
    private static OffsetDateTimePattern IsoWithOffset { get; } = OffsetDateTimePattern.ExtendedIso;

    public DateTimeZone Zone { get; }

    /// <summary>The formats used when a map names no <c>date_format</c>: ISO-8601 local date-times and dates.</summary>
    public static ImmutableArray<DateFormat> DefaultFormats { get; } =
    [
        new("yyyy-MM-dd'T'HH:mm:ss", false, true),
        new("yyyy-MM-dd'T'HH:mm", false, true),
        new("yyyy-MM-dd HH:mm:ss", false, true),
        new("yyyy-MM-dd HH:mm", false, true),
        new("yyyy-MM-dd", false, false),
    ];

    public bool TryRead(ReadOnlySpan<char> text, out Instant instant, out DateTimeResolution resolution)
    {
        resolution = DateTimeResolution.Exact;
        if (LooksLikeOffset(text) && IsoWithOffset.Parse(text.Trim().ToString()) is { Success: true } iso)
        {
            instant = iso.Value.ToInstant();
            return true;
        }

        foreach (var format in Formats)
        {
            if (format.HasOffset)
            {
                if (DateTimeOffset.TryParseExact(text, format.Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
                {
                    instant = Instant.FromDateTimeOffset(withOffset);
                    return true;
                }

                continue;
            }

            if (DateTime.TryParseExact(text, format.Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                var localDateTime = LocalDateTime.FromDateTime(local);
                var mapping = Zone.MapLocal(localDateTime);
                resolution = mapping.Count switch
                {
                    0 => DateTimeResolution.Skipped,
                    2 => DateTimeResolution.Ambiguous,
                    _ => format.HasTime ? DateTimeResolution.Exact : DateTimeResolution.DateOnly,
                };
                instant = Resolvers.LenientResolver(mapping).ToInstant();
                return true;
            }
        }

        instant = default;
        return false;
    }

    private static bool LooksLikeOffset(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        return text.Length >= 20 && (text[^1] is 'Z' or 'z' || text[^6] is '+' or '-');
    }
}
