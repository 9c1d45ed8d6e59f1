using System.Collections.Immutable;
using SlaEngine.Calendars;
using SlaEngine.Conditions;

namespace SlaEngine.Policies;

/// <summary>
/// A step of a tier's ordered <c>cadence</c>. Step 1 is due <see cref="Within"/> of the SLA start; a later step is due
/// <see cref="Within"/> of the previous step's completion. A step whose condition is false is skipped.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CadenceStep
{
    internal CadenceStep(int number, ImmutableArray<string> channels, SlaDuration within, Condition? when, WarnBefore? warnBefore)
    {
        Number = number;
        Channels = channels;
        Within = within;
        When = when;
        WarnBefore = warnBefore;
    }

    /// <summary>Gets the 1-based position of the step as written (the milestone is <c>cadence_step_N</c>).</summary>
    public int Number { get; }

    /// <summary>Gets the channels that must each have a touch to complete the step (never empty).</summary>
    public ImmutableArray<string> Channels { get; }

    /// <summary>Gets the budget from the SLA start (step 1) or from the previous step's completion.</summary>
    public SlaDuration Within { get; }

    /// <summary>Gets when the milestone turns <c>at_risk</c>, or <see langword="null"/> to use the tier's default.</summary>
    public WarnBefore? WarnBefore { get; }

    /// <summary>Gets the condition text as written, or <see langword="null"/> when the step always applies.</summary>
    public string? WhenText => When?.Text;

    /// <summary>Gets the compiled condition, or <see langword="null"/> when the step always applies.</summary>
    internal Condition? When { get; }
}
