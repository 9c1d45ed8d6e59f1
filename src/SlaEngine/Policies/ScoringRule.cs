using SlaEngine.Calendars;
using SlaEngine.Conditions;

namespace SlaEngine.Policies;

/// <summary>
/// A rule of <c>scoring.rules</c>. Exactly one of <see cref="When"/> (a condition, worth <see cref="Points"/> when true)
/// and <see cref="Event"/> (worth <see cref="Points"/> per matching event) is set.
/// </summary>
/// <remarks>
/// For an event rule, <see cref="Within"/> keeps only the events in that window before the evaluation instant,
/// <see cref="HalfLife"/> decays each event's points by <c>2^(-age / half_life)</c>, and <see cref="Max"/> caps the
/// rule's total (on its absolute value for negative rules). Immutable and thread-safe.
/// </remarks>
public sealed class ScoringRule
{
    internal ScoringRule(string name, Condition? when, string? @event, double points, double? max, SlaDuration? within, SlaDuration? halfLife)
    {
        Name = name;
        When = when;
        Event = @event;
        Points = points;
        Max = max;
        Within = within;
        HalfLife = halfLife;
        TraceSuffix = string.Concat(
            within is { } w ? " within " + w : string.Empty,
            halfLife is { } h ? ", half-life " + h : string.Empty,
            max is { } m ? ", max " + m.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        WhenTraceText = when is null ? string.Empty : "when " + when.Text;
        IsSteady = when is { UsesDaysSince: false };
    }

    /// <summary>
    /// Gets a value indicating whether this is a condition rule whose condition does not read <c>days_since</c>: its
    /// contribution stays the same between two changes of the lead's events and windows, whatever the instant.
    /// </summary>
    internal bool IsSteady { get; }

    /// <summary>Gets what the explanation trace says after an event rule's count (window, half-life, cap), computed once.</summary>
    internal string TraceSuffix { get; }

    /// <summary>Gets <c>when TEXT</c> for a condition rule's trace, computed once.</summary>
    internal string WhenTraceText { get; }

    /// <summary>Gets the rule's name.</summary>
    public string Name { get; }

    /// <summary>Gets the event type this rule counts, or <see langword="null"/> for a condition rule.</summary>
    public string? Event { get; }

    /// <summary>Gets the points (negative points lower the score).</summary>
    public double Points { get; }

    /// <summary>Gets the cap on the rule's total contribution (event rules only), or <see langword="null"/>.</summary>
    public double? Max { get; }

    /// <summary>Gets the window before the evaluation instant in which events count, or <see langword="null"/> for all.</summary>
    public SlaDuration? Within { get; }

    /// <summary>Gets the half-life of an event's points, or <see langword="null"/> for no decay.</summary>
    public SlaDuration? HalfLife { get; }

    /// <summary>Gets the condition text as written, or <see langword="null"/> for an event rule.</summary>
    public string? WhenText => When?.Text;

    /// <summary>Gets the compiled condition (compiled without access to <c>score</c>), or <see langword="null"/>.</summary>
    internal Condition? When { get; }
}
