using SlaEngine.Conditions;

namespace SlaEngine.Policies;

/// <summary>
/// A rule of the <c>routing</c> list: the first rule whose condition holds (or the <c>default</c> rule, always last)
/// gives the lead's team and business calendar.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RoutingRule
{
    internal RoutingRule(Condition? when, bool isDefault, string team, string calendarName)
    {
        When = when;
        IsDefault = isDefault;
        Team = team;
        CalendarName = calendarName;
    }

    /// <summary>Gets a value indicating whether this is the <c>default: true</c> rule, which always matches.</summary>
    public bool IsDefault { get; }

    /// <summary>Gets the team the rule routes to.</summary>
    public string Team { get; }

    /// <summary>Gets the name of the calendar the rule routes to (defined in the same policy).</summary>
    public string CalendarName { get; }

    /// <summary>Gets the condition text as written, or <see langword="null"/> for the default rule.</summary>
    public string? WhenText => When?.Text;

    /// <summary>Gets the compiled condition, or <see langword="null"/> for the default rule.</summary>
    internal Condition? When { get; }
}
