using SlaEngine.Conditions;

namespace SlaEngine.Policies;

/// <summary>
/// A trigger of <c>qualification.triggers</c>: when its condition holds the lead qualifies at once (an MQL), and the
/// trigger may set the tier. All triggers are evaluated; the first match in file order is the reason.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TriggerRule
{
    internal TriggerRule(string name, Condition when, string? tier)
    {
        Name = name;
        When = when;
        Tier = tier;
        Reason = "trigger: " + name;
    }

    /// <summary>Gets the trigger's name (the reason <c>trigger: NAME</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the tier the trigger sets, or <see langword="null"/> to let the bands decide.</summary>
    public string? Tier { get; }

    /// <summary>Gets the condition text as written in the policy.</summary>
    public string WhenText => When.Text;

    /// <summary>Gets the compiled condition.</summary>
    internal Condition When { get; }

    /// <summary>Gets the evaluation reason of a lead this trigger qualified, built once.</summary>
    internal string Reason { get; }
}
