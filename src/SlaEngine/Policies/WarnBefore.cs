using System.Globalization;
using SlaEngine.Calendars;

namespace SlaEngine.Policies;

/// <summary>
/// When a milestone turns <c>at_risk</c>: a duration before its due (measured on the milestone's clock), or a
/// percentage of the milestone's budget (<c>25%</c>).
/// </summary>
/// <remarks>The default value is a zero duration. Immutable and thread-safe.</remarks>
public readonly record struct WarnBefore
{
    private WarnBefore(bool isPercentage, double percentage, SlaDuration duration)
    {
        IsPercentage = isPercentage;
        Percentage = percentage;
        Duration = duration;
    }

    /// <summary>Gets a value indicating whether this is a percentage of the budget rather than a duration.</summary>
    public bool IsPercentage { get; }

    /// <summary>Gets the percentage (0 to 100) when <see cref="IsPercentage"/>; otherwise 0.</summary>
    public double Percentage { get; }

    /// <summary>Gets the duration when not <see cref="IsPercentage"/>; otherwise the default.</summary>
    public SlaDuration Duration { get; }

    /// <summary>Creates a warning a fixed duration before the due.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The value.</returns>
    public static WarnBefore FromDuration(SlaDuration duration) => new(false, 0, duration);

    /// <summary>Creates a warning at a percentage of the budget left.</summary>
    /// <param name="percentage">The percentage, 0 to 100.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The percentage is outside 0..100.</exception>
    public static WarnBefore FromPercentage(double percentage)
    {
        if (!(percentage >= 0 && percentage <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percentage), percentage, "A percentage must be between 0 and 100.");
        }

        return new(true, percentage, default);
    }

    /// <summary>Formats the value as written in a policy (<c>25%</c> or <c>30 minutes</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        IsPercentage ? Percentage.ToString("0.####", CultureInfo.InvariantCulture) + "%" : Duration.ToString();
}
