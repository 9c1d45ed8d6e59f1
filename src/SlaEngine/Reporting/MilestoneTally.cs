using SlaEngine.Evaluation;

namespace SlaEngine.Reporting;

/// <summary>
/// The verdicts on one milestone name over a group of leads.
/// </summary>
/// <remarks>
/// <see cref="Pending"/> includes the milestones that are <c>at_risk</c> (not done, not breached, close to due):
/// they are still pending; <see cref="AtRisk"/> says how many of the pending ones are at risk. Immutable.
/// </remarks>
public sealed record MilestoneTally
{
    internal MilestoneTally(string name, int met, int metLate, int breached, int pending, int atRisk, int notApplicable)
    {
        Name = name;
        Met = met;
        MetLate = metLate;
        Breached = breached;
        Pending = pending;
        AtRisk = atRisk;
        NotApplicable = notApplicable;
        (Kind, Step) = MilestoneNames.Parse(name);
    }

    /// <summary>Gets the milestone name: <c>first_touch</c>, <c>effort</c>, <c>cadence_step_N</c> or <c>disposition</c>.</summary>
    public string Name { get; init; }

    /// <summary>Gets what the milestone measures, as an enum (the same information as <see cref="Name"/>).</summary>
    public MilestoneKind Kind { get; init; }

    /// <summary>Gets the 1-based cadence step number when <see cref="Kind"/> is <see cref="MilestoneKind.CadenceStep"/>; otherwise null.</summary>
    public int? Step { get; init; }

    /// <summary>Done on time.</summary>
    public int Met { get; init; }

    /// <summary>Done after the due.</summary>
    public int MetLate { get; init; }

    /// <summary>Not done and past due (or still open when a disposition ended the SLA after the due).</summary>
    public int Breached { get; init; }

    /// <summary>Not done and not past due, including those at risk and those whose due is not known yet.</summary>
    public int Pending { get; init; }

    /// <summary>How many of <see cref="Pending"/> are at risk.</summary>
    public int AtRisk { get; init; }

    /// <summary>Ended by a disposition before they were due.</summary>
    public int NotApplicable { get; init; }

    /// <summary>Gets the number of decided milestones: met + met late + breached.</summary>
    public int Decided => Met + MetLate + Breached;

    /// <summary>Gets the attainment: met on time as a percentage (0–100) of <see cref="Decided"/>, or null when none is decided.</summary>
    public double? Attainment => Decided == 0 ? null : 100.0 * Met / Decided;
}
