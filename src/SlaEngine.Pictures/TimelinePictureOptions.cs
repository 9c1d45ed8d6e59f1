using NodaTime;

namespace SlaEngine.Pictures;

/// <summary>Options for drawing a lead's SLA on a time axis (<see cref="TimelineSvg"/>, <see cref="TimelinePage"/>).</summary>
/// <remarks>An options object is immutable once built (init-only properties) and may be shared across threads.</remarks>
public sealed class TimelinePictureOptions
{
    /// <summary>Gets the default options: the calendar's zone, 1200 pixels wide, transitions up to the picture's end.</summary>
    public static TimelinePictureOptions Default { get; } = new();

    /// <summary>
    /// Gets the zone the axis, dates and business hours are drawn in; <see langword="null"/> (the default) uses the
    /// zone of the lead's routed calendar, else the policy's first calendar, else UTC.
    /// </summary>
    public DateTimeZone? Zone { get; init; }

    /// <summary>
    /// Gets the end of the window of transitions ahead of the evaluation instant; <see langword="null"/> (the default)
    /// draws those that fall inside the picture and counts the rest (up to 366 days ahead) in a note.
    /// </summary>
    public Instant? Until { get; init; }

    /// <summary>Gets the width of the picture in pixels (at least 600; default 1200).</summary>
    public int Width { get; init; } = 1200;
}
