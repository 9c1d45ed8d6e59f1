using System.Collections.Immutable;
using SlaEngine.Calendars;

namespace SlaEngine.Policies;

/// <summary>A tier's <c>first_touch</c>: the first touch on one of <see cref="Channels"/> is due <see cref="Within"/> of the SLA start.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FirstTouchRule
{
    internal FirstTouchRule(ImmutableArray<string> channels, SlaDuration within, WarnBefore? warnBefore)
    {
        Channels = channels;
        Within = within;
        WarnBefore = warnBefore;
    }

    /// <summary>Gets the channels that count as a first touch, in file order (never empty).</summary>
    public ImmutableArray<string> Channels { get; }

    /// <summary>Gets the budget from the SLA start.</summary>
    public SlaDuration Within { get; }

    /// <summary>Gets when the milestone turns <c>at_risk</c>, or <see langword="null"/> to use the tier's default.</summary>
    public WarnBefore? WarnBefore { get; }
}
