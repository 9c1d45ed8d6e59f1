namespace SlaEngine.Reporting;

/// <summary>
/// The verdicts on one milestone name over a group of leads (spec section 5, <c>report</c>).
/// </summary>
/// <remarks>
/// <see cref="Pending"/> includes the milestones that are <c>at_risk</c> (not done, not breached, close to due):
/// they are still pending; <see cref="AtRisk"/> says how many of the pending ones are at risk. Immutable.
/// </remarks>
/// <param name="Name">The milestone name: <c>first_touch</c>, <c>effort</c>, <c>cadence_step_N</c> or <c>disposition</c>.</param>
/// <param name="Met">Done on time.</param>
/// <param name="MetLate">Done after the due.</param>
/// <param name="Breached">Not done and past due (or still open when a disposition ended the SLA after the due).</param>
/// <param name="Pending">Not done and not past due, including those at risk and those whose due is not known yet.</param>
/// <param name="AtRisk">How many of <paramref name="Pending"/> are at risk.</param>
/// <param name="NotApplicable">Ended by a disposition before they were due.</param>
public sealed record MilestoneTally(string Name, int Met, int MetLate, int Breached, int Pending, int AtRisk, int NotApplicable)
{
    /// <summary>Gets the number of decided milestones: met + met late + breached.</summary>
    public int Decided => Met + MetLate + Breached;

    /// <summary>Gets the attainment: met on time as a percentage (0–100) of <see cref="Decided"/>, or null when none is decided.</summary>
    public double? Attainment => Decided == 0 ? null : 100.0 * Met / Decided;
}
