using SlaEngine.Calendars;

namespace SlaEngine.Policies;

/// <summary>
/// A goal of the <c>goals</c> section, checked by the batch report. Exactly one of <see cref="Number"/>,
/// <see cref="Percentage"/> and <see cref="Duration"/> is set.
/// </summary>
/// <remarks>
/// Names: <c>&lt;milestone&gt;_attainment</c> (min, percentage), <c>mql_per_month</c> (min, number),
/// <c>median_speed_to_lead</c> and <c>p90_speed_to_lead</c> (max, duration), <c>leakage</c> (max, number or percentage).
/// Immutable and thread-safe.
/// </remarks>
public sealed class Goal
{
    internal Goal(string name, GoalBound bound, double? number, double? percentage, SlaDuration? duration)
    {
        Name = name;
        Bound = bound;
        Number = number;
        Percentage = percentage;
        Duration = duration;
    }

    /// <summary>Gets the goal's name, for example <c>first_touch_attainment</c>.</summary>
    public string Name { get; }

    /// <summary>Gets whether the target is a minimum or a maximum.</summary>
    public GoalBound Bound { get; }

    /// <summary>Gets the target as a count, or <see langword="null"/>.</summary>
    public double? Number { get; }

    /// <summary>Gets the target as a percentage (0 to 100), or <see langword="null"/>.</summary>
    public double? Percentage { get; }

    /// <summary>Gets the target as a duration, or <see langword="null"/>.</summary>
    public SlaDuration? Duration { get; }
}
