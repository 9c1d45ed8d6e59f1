using System.Collections.Immutable;
using SlaEngine.Calendars;

namespace SlaEngine.Policies;

/// <summary>
/// A rung of a tier's escalation ladder: <see cref="After"/> the SLA start, if the first touch has not happened,
/// <see cref="Notify"/> must be alerted.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EscalationRung
{
    internal EscalationRung(SlaDuration after, string afterText, ImmutableArray<string> notify)
    {
        After = after;
        AfterText = afterText;
        Notify = notify;
        NotifyText = string.Join(", ", notify);
    }

    /// <summary>Gets the delay from the SLA start.</summary>
    public SlaDuration After { get; }

    /// <summary>Gets the delay exactly as written in the policy (for example <c>24 hours</c>).</summary>
    public string AfterText { get; }

    /// <summary>Gets who is alerted (roles such as <c>owner</c>, <c>manager</c>), in file order (never empty).</summary>
    public ImmutableArray<string> Notify { get; }

    /// <summary>Gets the notify list as the explanation trace writes it (computed once).</summary>
    internal string NotifyText { get; }
}
