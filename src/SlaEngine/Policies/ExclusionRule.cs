using SlaEngine.Conditions;

namespace SlaEngine.Policies;

/// <summary>
/// An exclusion of the <c>exclusions</c> list: when its condition holds, the lead is excluded (status <c>excluded</c>)
/// and nothing else applies. Exclusions are tried in file order; the first match wins.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ExclusionRule
{
    internal ExclusionRule(string name, Condition when)
    {
        Name = name;
        When = when;
        Reason = "exclusion: " + name;
    }

    /// <summary>Gets the rule's name, used as the reason (<c>exclusion: NAME</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the condition text as written in the policy.</summary>
    public string WhenText => When.Text;

    /// <summary>Gets the compiled condition.</summary>
    internal Condition When { get; }

    /// <summary>Gets the evaluation reason of a lead this rule excluded, built once.</summary>
    internal string Reason { get; }
}
