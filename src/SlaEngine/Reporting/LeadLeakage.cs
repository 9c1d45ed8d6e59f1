using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Reporting;

/// <summary>
/// The one definition of lead leakage, used by the compliance report (<see cref="GroupReport.Leakage"/>) and by the
/// totals of a comparison (<see cref="PolicyTotals.Leakage"/>), so both always agree on the same leads.
/// </summary>
/// <remarks>
/// <para>
/// A lead has <em>leaked</em> when its status at the evaluation instant is <see cref="LeadStatus.Mql"/> or
/// <see cref="LeadStatus.RecycleDue"/> — no disposition closed the loop — and its work deadline has passed: the
/// <c>effort</c> milestone's due, or the due of the last cadence step that has a known due, is before that instant.
/// Whether the touches were made does not matter: an effort met on time but never dispositioned leaks once its window
/// ends, and a cadence stuck on a breached middle step (the later steps have no due yet) leaks once that step's due
/// has passed.
/// </para>
/// <para>
/// A tier with both an effort and a cadence has one work deadline, the later of the two: the work is not over while
/// either is still running. Pure and thread-safe.
/// </para>
/// </remarks>
public static class LeadLeakage
{
    /// <summary>Gets the lead's work deadline: the <c>effort</c> due, or the due of the last cadence step that has a known due (the later of the two when the tier has both).</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <returns>The deadline, or null when the tier has neither an effort nor a cadence step with a known due.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is null.</exception>
    public static Instant? WorkDeadline(LeadEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        Instant? effort = null;
        Instant? lastKnownStep = null;
        var lastKnownStepNumber = 0;
        foreach (var milestone in evaluation.Milestones)
        {
            if (milestone.Due is not { } due)
            {
                continue;
            }

            if (milestone.Kind == MilestoneKind.Effort)
            {
                effort = due;
            }
            else if (milestone.Kind == MilestoneKind.CadenceStep && milestone.Step > lastKnownStepNumber)
            {
                lastKnownStep = due;
                lastKnownStepNumber = milestone.Step.Value;
            }
        }

        return (effort, lastKnownStep) switch
        {
            ({ } e, { } s) => Instant.Max(e, s),
            ({ } e, null) => e,
            (null, var s) => s,
        };
    }

    /// <summary>Gets a value indicating whether the lead has leaked at its evaluation instant (<see cref="LeadEvaluation.At"/>).</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <returns>True when the status is <c>mql</c> or <c>recycle_due</c> and the work deadline is before the evaluation instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is null.</exception>
    public static bool IsLeaked(LeadEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Status is LeadStatus.Mql or LeadStatus.RecycleDue
            && WorkDeadline(evaluation) is { } deadline
            && deadline < evaluation.At;
    }
}
