using System.Collections.Immutable;
using SlaEngine.Calendars;

namespace SlaEngine.Policies;

/// <summary>
/// A tier of the <c>tiers</c> section: who is responsible, which milestones apply (first touch, effort, cadence,
/// disposition) with their budgets, and the escalation ladder.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TierDefinition
{
    internal TierDefinition(
        string name,
        string? responsible,
        FirstTouchRule? firstTouch,
        ImmutableArray<EffortCount> effort,
        SlaDuration? completeWithin,
        SlaDuration? dispositionWithin,
        ImmutableArray<CadenceStep> cadence,
        bool recycleOnExhausted,
        ImmutableArray<EscalationRung> escalations,
        WarnBefore? warnBefore)
    {
        Name = name;
        Responsible = responsible;
        FirstTouch = firstTouch;
        Effort = effort;
        CompleteWithin = completeWithin;
        DispositionWithin = dispositionWithin;
        Cadence = cadence;
        RecycleOnExhausted = recycleOnExhausted;
        Escalations = escalations;
        WarnBefore = warnBefore;
    }

    /// <summary>Gets the tier's name.</summary>
    public string Name { get; }

    /// <summary>Gets who is responsible (free text, for example <c>teleprospecting</c>), or <see langword="null"/>.</summary>
    public string? Responsible { get; }

    /// <summary>Gets the first-touch milestone, or <see langword="null"/> when the tier has none.</summary>
    public FirstTouchRule? FirstTouch { get; }

    /// <summary>Gets the touches required per channel, in file order; empty when the tier has no <c>effort</c>.</summary>
    public ImmutableArray<EffortCount> Effort { get; }

    /// <summary>Gets the effort milestone's budget from the SLA start (<c>complete_within</c>), or <see langword="null"/>.</summary>
    public SlaDuration? CompleteWithin { get; }

    /// <summary>Gets the disposition budget from the first touch (<c>disposition_within</c>), or <see langword="null"/>.</summary>
    public SlaDuration? DispositionWithin { get; }

    /// <summary>Gets the ordered cadence steps in file order; empty when the tier has no <c>cadence</c>.</summary>
    public ImmutableArray<CadenceStep> Cadence { get; }

    /// <summary>Gets a value indicating whether <c>on_exhausted: recycle</c> is set (the lead is due back to marketing).</summary>
    public bool RecycleOnExhausted { get; }

    /// <summary>Gets the escalation ladder in file order; empty when there is none.</summary>
    public ImmutableArray<EscalationRung> Escalations { get; }

    /// <summary>Gets the tier's default <c>warn_before</c> for its milestones, or <see langword="null"/>.</summary>
    public WarnBefore? WarnBefore { get; }
}
